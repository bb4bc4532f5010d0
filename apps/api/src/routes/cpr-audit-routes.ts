// POST /api/cpr/check: does a text hold a CPR number (for an Outlook add-in or a case system to
// warn before sending)? Answers masked matches and confidence only. GET /api/audit: the log.
import { find } from "@safetynet/cpr";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app-deps.js";
import { dateOrTime, dateRange, isoTime, listOf, pageQuery } from "../http/common-schemas.js";
import { withErrors } from "../http/error-body.js";
import { afterNewestFirst, decodeCursor, newestFirstPage } from "../http/keyset-cursor.js";

const auditItem = z.object({
  id: z.string(),
  at: isoTime,
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.unknown().describe("before and after, ids and codes"),
});

export async function cprAuditRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    "/api/cpr/check",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["cpr"],
        body: z.object({ text: z.string().max(200_000) }).strict(),
        response: withErrors({
          200: z.object({
            containsCpr: z.boolean(),
            matches: z.array(
              z.object({
                offset: z.number().int(),
                length: z.number().int(),
                masked: z.string().describe("DDMMXX-XXXX: never the full number"),
                confidence: z.number(),
                tier: z.enum(["high", "medium", "low"]),
              }),
            ),
          }),
        }),
      },
    },
    async (request) => {
      const matches = find(request.body.text).map(({ offset, length, masked, confidence, tier }) => ({
        offset,
        length,
        masked,
        confidence,
        tier,
      }));
      return { containsCpr: matches.length > 0, matches };
    },
  );

  api.get(
    "/api/audit",
    {
      config: { role: "admin" },
      schema: {
        tags: ["audit"],
        description: "Every change and raw download, newest first",
        querystring: z.object({
          action: z.string().min(1).max(100).optional(),
          actor: z.string().min(1).max(200).optional(),
          target: z.string().min(1).max(200).optional(),
          from: dateOrTime.optional(),
          to: dateOrTime.optional(),
          ...pageQuery,
        }),
        response: withErrors({ 200: listOf(auditItem) }),
      },
    },
    async (request) => {
      const { action, actor, target, from, to, limit, cursor } = request.query;
      const range = dateRange(from, to);
      const where = {
        ...(action ? { action } : {}),
        ...(actor ? { actor } : {}),
        ...(target ? { target } : {}),
        ...(range.from || range.until
          ? { createdAt: { ...(range.from ? { gte: range.from } : {}), ...(range.until ? { lt: range.until } : {}) } }
          : {}),
      };
      const after = cursor ? decodeCursor(cursor, "-createdAt") : null;
      const [rows, total] = await Promise.all([
        deps.db.auditEvent.findMany({
          where: { AND: [where, afterNewestFirst("createdAt", after)] },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: limit + 1,
        }),
        deps.db.auditEvent.count({ where }),
      ]);
      const { shown, nextCursor } = newestFirstPage(rows, limit, "-createdAt", (row) => row.createdAt);
      return {
        items: shown.map((row) => ({
          id: row.id,
          at: row.createdAt.toISOString(),
          actor: row.actor,
          action: row.action,
          target: row.target,
          detail: row.detail,
        })),
        total,
        nextCursor,
      };
    },
  );
}
