// Failures: the triage list, one failure with its timeline, and triage updates (one or many).
import { AppError } from "@safetynet/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app-deps.js";
import { requirePrincipal } from "../auth/auth-plugin.js";
import { exportFailuresCsv } from "../failures/export-failures-csv.js";
import { failureFilter, failureFilterShape } from "../failures/failure-filter.js";
import { FAILURE_COLUMNS, type FailureRow, failureItem, toFailureItem } from "../failures/failure-view.js";
import { failureSort, listFailures } from "../failures/list-failures.js";
import { loadFailureNotices, loadFailureTimeline, timelineEntry } from "../failures/load-failure-timeline.js";
import { failureChange, updateFailures } from "../failures/update-failures.js";
import { idParams, iso, listOf, pageQuery } from "../http/common-schemas.js";
import { withErrors } from "../http/error-body.js";
import { maskText } from "../http/mask-text.js";
import { formatQuery, wantsCsv } from "../http/wants-csv.js";

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
        description:
          "JSON pages; with `Accept: text/csv` or `?format=csv`, every match as one CSV file (`;`, UTF-8 BOM; limit and cursor do not apply)",
        querystring: z.object({ ...failureFilterShape, sort: failureSort, ...pageQuery, format: formatQuery }),
        response: withErrors({ 200: listOf(failureItem) }),
      },
    },
    async (request, reply) => {
      const { sort, limit, cursor, format, ...filter } = request.query;
      if (wantsCsv(request, format)) {
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="safetynet-failures.csv"')
          .send(exportFailuresCsv(deps.sql, filter, sort) as never); // a stream, outside the JSON schema
      }
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
      const result = await deps.sql.query(
        `SELECT ${FAILURE_COLUMNS}, f."reportingMta", f."remoteMta", f."replyCode", f."originalMessageId"
         FROM "Failure" f WHERE f.id = $1`,
        [request.params.id],
      );
      const row = result.rows[0] as
        | (FailureRow & {
            reportingMta: string | null;
            remoteMta: string | null;
            replyCode: string | null;
            originalMessageId: string | null;
          })
        | undefined;
      if (!row) throw new AppError("NOT_FOUND", { message: "no such failure" });
      const notices = await loadFailureNotices(deps.sql, row);
      const timeline = await loadFailureTimeline(deps.sql, row, notices, deps.internalDomains);
      return {
        ...toFailureItem(row),
        reportingMta: row.reportingMta,
        remoteMta: row.remoteMta,
        replyCode: row.replyCode,
        originalMessageId: maskText(row.originalMessageId),
        rawMessageId: row.rawMessageId,
        notices: notices.map((notice) => ({
          id: notice.id,
          recipient: notice.recipient,
          recipientRole: notice.recipientRole,
          status: notice.status,
          sentAt: iso(notice.sentAt),
          lastError: maskText(notice.lastError),
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
