// Failures: the triage list, one failure with its timeline, and triage updates (one or many).
import { AppError } from "@safetynet/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app-deps.js";
import { requirePrincipal } from "../auth/auth-plugin.js";
import { failureFilter, failureFilterShape } from "../failures/failure-filter.js";
import { FAILURE_COLUMNS, type FailureRow, failureItem, toFailureItem } from "../failures/failure-view.js";
import { failureSort, listFailures } from "../failures/list-failures.js";
import { loadFailureTimeline, timelineEntry } from "../failures/load-failure-timeline.js";
import { failureChange, updateFailures } from "../failures/update-failures.js";
import { idParams, listOf, pageQuery } from "../http/common-schemas.js";
import { withErrors } from "../http/error-body.js";

const noticeView = z.object({
  id: z.string(),
  recipient: z.string(),
  recipientRole: z.string(),
  status: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

async function loadFailureRow(deps: AppDeps, id: string): Promise<FailureRow> {
  const result = await deps.sql.query(`SELECT ${FAILURE_COLUMNS} FROM "Failure" f WHERE f.id = $1`, [id]);
  const row = result.rows[0] as FailureRow | undefined;
  if (!row) throw new AppError("NOT_FOUND", { message: "no such failure" });
  return row;
}

export async function failureRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.now?.() ?? new Date();

  api.get(
    "/api/failures",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["failures"],
        querystring: z.object({ ...failureFilterShape, sort: failureSort, ...pageQuery }),
        response: withErrors({ 200: listOf(failureItem) }),
      },
    },
    async (request) => {
      const { sort, limit, cursor, ...filter } = request.query;
      return listFailures(deps.sql, { filter, sort, limit, cursor });
    },
  );

  api.get(
    "/api/failures/:id",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["failures"],
        params: idParams,
        response: withErrors({
          200: failureItem.extend({
            reportingMta: z.string().nullable(),
            remoteMta: z.string().nullable(),
            replyCode: z.string().nullable(),
            originalMessageId: z.string().nullable(),
            rawMessageId: z.string(),
            notices: z.array(noticeView).describe("which notice went to whom"),
            timeline: z.array(timelineEntry),
          }),
        }),
      },
    },
    async (request) => {
      const row = await loadFailureRow(deps, request.params.id);
      const [extra, timeline, notices] = await Promise.all([
        deps.db.failure.findUniqueOrThrow({
          where: { id: row.id },
          select: { reportingMta: true, remoteMta: true, replyCode: true, originalMessageId: true },
        }),
        loadFailureTimeline(deps.db, deps.sql, row, deps.internalDomains),
        deps.sql.query(
          `SELECT id, recipient, "recipientRole", status::text AS status, "sentAt", "lastError" FROM "Notice"
           WHERE "rawMessageId" = $1 AND (cardinality("failureIds") = 0 OR $2 = ANY("failureIds")) ORDER BY "createdAt"`,
          [row.rawMessageId, row.id],
        ),
      ]);
      return {
        ...toFailureItem(row),
        ...extra,
        rawMessageId: row.rawMessageId,
        notices: notices.rows.map((notice) => ({
          id: notice.id,
          recipient: notice.recipient,
          recipientRole: notice.recipientRole,
          status: notice.status,
          sentAt: notice.sentAt ? (notice.sentAt as Date).toISOString() : null,
          lastError: notice.lastError,
        })),
        timeline,
      };
    },
  );

  api.patch(
    "/api/failures/:id",
    {
      config: { role: "triager" },
      schema: {
        tags: ["failures"],
        params: idParams,
        body: failureChange,
        response: withErrors({ 200: failureItem }),
      },
    },
    async (request) => {
      const actor = requirePrincipal(request);
      const result = await updateFailures(deps.sql, actor, { ids: [request.params.id] }, request.body, now());
      if (!result.updated) throw new AppError("NOT_FOUND", { message: "no such failure" });
      return toFailureItem(await loadFailureRow(deps, request.params.id));
    },
  );

  api.patch(
    "/api/failures",
    {
      config: { role: "triager" },
      schema: {
        tags: ["failures"],
        description:
          "Bulk update: the listed ids, or every failure the filter matches (the same filters as the list; `filter: {}` means all)",
        body: z
          .object({
            ids: z.array(z.string().min(1).max(100)).min(1).max(10_000).optional(),
            filter: failureFilter.optional(),
            change: failureChange,
          })
          .strict()
          .refine((body) => (body.ids === undefined) !== (body.filter === undefined), {
            message: "give either ids or filter",
          }),
        response: withErrors({ 200: z.object({ updated: z.number().int() }) }),
      },
    },
    async (request) => {
      const actor = requirePrincipal(request);
      const { ids, filter, change } = request.body;
      const selection = ids ? { ids } : { filter: filter! };
      const result = await updateFailures(deps.sql, actor, selection, change, now());
      return { updated: result.updated };
    },
  );
}
