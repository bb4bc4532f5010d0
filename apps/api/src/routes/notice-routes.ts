// Notices that need a person: failed (5xx or retries exhausted), uncertain (a crash cut the SMTP
// transaction off), bounced (the notice itself came back). Resend puts them on the notify queue.
import { AppError } from "@safetynet/core";
import { enqueue, JOBS } from "@safetynet/queue";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app-deps.js";
import { recordAudit } from "../audit/record-audit.js";
import { requirePrincipal } from "../auth/auth-plugin.js";
import { idParams, iso, isoTime, listOf, pageQuery } from "../http/common-schemas.js";
import { withErrors } from "../http/error-body.js";
import { decodeCursor, encodeCursor } from "../http/keyset-cursor.js";
import { maskText } from "../http/mask-text.js";

const ATTENTION = ["failed", "uncertain", "bounced"] as const;

const noticeItem = z.object({
  id: z.string(),
  attention: z.enum(ATTENTION),
  recipient: z.string(),
  recipientRole: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  failureIds: z.array(z.string()),
  rawMessageId: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

// A notice needs a person when it failed, or when an alert says its own delivery bounced.
const ATTENTION_SQL = `(n.status = 'failed' OR EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a.target = n.id AND a.action = 'notice.bounced'))`;

export async function noticeRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/notices",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["notices"],
        description: "Notices that need a person, newest change first",
        querystring: z.object({ attention: z.enum(ATTENTION).optional(), ...pageQuery }),
        response: withErrors({ 200: listOf(noticeItem) }),
      },
    },
    async (request) => {
      const { limit, cursor, attention } = request.query;
      const values: unknown[] = [];
      const attentionOf = `CASE WHEN n.status = 'failed' AND n."lastError" LIKE 'interrupted%' THEN 'uncertain'
        WHEN n.status = 'failed' THEN 'failed' ELSE 'bounced' END`;
      let where = ATTENTION_SQL;
      if (attention) {
        values.push(attention);
        where += ` AND ${attentionOf} = $${values.length}`;
      }
      const countValues = [...values];
      const countWhere = where;
      if (cursor) {
        const after = decodeCursor(cursor, "-updatedAt");
        values.push(after.value, after.id);
        where += ` AND (n."updatedAt", n.id) < ($${values.length - 1}::timestamp, $${values.length})`;
      }
      values.push(limit + 1);
      const [page, count] = await Promise.all([
        deps.sql.query(
          `SELECT n.id, ${attentionOf} AS attention, n.recipient, n."recipientRole", n.status::text AS status, n.attempts,
             n."lastError", n."failureIds", n."rawMessageId", n."createdAt", n."updatedAt"
           FROM "Notice" n WHERE ${where} ORDER BY n."updatedAt" DESC, n.id DESC LIMIT $${values.length}`,
          values,
        ),
        deps.sql.query(`SELECT count(*)::int AS total FROM "Notice" n WHERE ${countWhere}`, countValues),
      ]);
      const more = page.rows.length > limit;
      const rows = more ? page.rows.slice(0, limit) : page.rows;
      const last = rows.at(-1);
      return {
        items: rows.map((row) => ({
          id: row.id,
          attention: row.attention,
          recipient: row.recipient,
          recipientRole: row.recipientRole,
          status: row.status,
          attempts: row.attempts,
          lastError: maskText(row.lastError),
          failureIds: row.failureIds,
          rawMessageId: row.rawMessageId,
          createdAt: (row.createdAt as Date).toISOString(),
          updatedAt: (row.updatedAt as Date).toISOString(),
        })),
        total: (count.rows[0] as { total: number }).total,
        nextCursor:
          more && last
            ? encodeCursor({ sort: "-updatedAt", value: (last.updatedAt as Date).toISOString(), id: last.id })
            : null,
      };
    },
  );

  api.post(
    "/api/notices/:id/resend",
    {
      config: { role: "triager" },
      schema: {
        tags: ["notices"],
        description: "Set the notice back to pending and put its failures on the notify queue",
        params: idParams,
        response: withErrors({ 202: z.object({ id: z.string(), status: z.string(), queued: z.number().int() }) }),
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      const notice = await deps.db.notice.findUnique({ where: { id: request.params.id } });
      if (!notice) throw new AppError("NOT_FOUND", { message: "no such notice" });
      if (notice.status === "pending" || notice.status === "sending") {
        throw new AppError("CONFLICT", { message: `the notice is ${notice.status} already` });
      }
      await deps.db.notice.update({
        where: { id: notice.id },
        data: { status: "pending", attempts: 0, claimedAt: null, holdUntil: null, lastError: null, sentAt: null },
      });
      const failureIds = notice.failureIds.length
        ? notice.failureIds
        : (await deps.db.failure.findMany({ where: { rawMessageId: notice.rawMessageId }, select: { id: true } })).map(
            (failure) => failure.id,
          );
      for (const failureId of failureIds) {
        await deps.queues.notify.remove(JOBS.notify.jobId({ failureId })).catch(() => undefined);
        await enqueue(deps.queues.notify, "notify", { failureId });
      }
      await recordAudit(deps.db, actor, {
        action: "notice.resent",
        target: notice.id,
        before: { status: notice.status, lastError: maskText(notice.lastError), sentAt: iso(notice.sentAt) },
        after: { status: "pending" },
      });
      return reply.status(202).send({ id: notice.id, status: "pending", queued: failureIds.length });
    },
  );
}
