// Quarantine: messages stored but kept from the parser (unreadable, oversized, failed to parse).
// Staff see why, look at the masked headers, and send them to ingest again after a parser fix.
// Raw download (any stored message) is admin-only, decrypted on the fly and audited.
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
import { afterNewestFirst, decodeCursor, newestFirstPage } from "../http/keyset-cursor.js";
import { maskText } from "../http/mask-text.js";

const quarantineItem = z.object({
  id: z.string(),
  error: z.string().describe("why it was quarantined (CPR-masked)"),
  receivedAt: isoTime,
  size: z.number().int(),
  source: z.string(),
  mailboxId: z.string().nullable(),
  messageId: z.string().nullable().describe("Message-ID header (CPR-shaped digits masked)"),
});

const HEADER_BYTES = 64 * 1024;

/** The header section, unfolded, each value CPR-masked. */
function maskedHeaders(bytes: Buffer): { name: string; value: string }[] {
  const text = bytes.subarray(0, HEADER_BYTES).toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const section = (end >= 0 ? text.slice(0, end) : text).replace(/\r?\n[ \t]+/g, " ");
  return section
    .split(/\r?\n/)
    .map((line) => /^([\x21-\x39\x3b-\x7e]+)[ \t]*:[ \t]*(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ name: match[1]!, value: maskText(match[2]!.slice(0, 2000)) }));
}

type QuarantineRow = {
  id: string;
  quarantineReason: string | null;
  receivedAt: Date;
  size: number;
  source: string;
  mailboxId: string | null;
  messageIdHeader: string | null;
};

function view(row: QuarantineRow) {
  return {
    id: row.id,
    error: maskText(row.quarantineReason ?? "quarantined"),
    receivedAt: row.receivedAt.toISOString(),
    size: row.size,
    source: row.source,
    mailboxId: row.mailboxId,
    messageId: maskText(row.messageIdHeader),
  };
}

/** Put a message back on the ingest queue; an earlier job with the same id is removed first. */
async function reprocess(deps: AppDeps, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const { count } = await deps.db.rawMessage.updateMany({
    where: { id: { in: ids }, state: "quarantined" },
    data: { state: "stored", quarantineReason: null },
  });
  for (const messageId of ids) {
    // The deterministic job id would make the new enqueue a no-op while the old job is kept.
    await deps.queues.ingest.remove(JOBS.ingest.jobId({ messageId })).catch(() => undefined);
    await enqueue(deps.queues.ingest, "ingest", { messageId });
  }
  return count;
}

export async function quarantineRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/quarantine",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["quarantine"],
        description: "Newest first",
        querystring: z.object(pageQuery),
        response: withErrors({ 200: listOf(quarantineItem) }),
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const where = { state: "quarantined" as const };
      const after = cursor ? decodeCursor(cursor, "-receivedAt") : null;
      const [rows, total] = await Promise.all([
        deps.db.rawMessage.findMany({
          where: { ...where, ...afterNewestFirst("receivedAt", after) },
          orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
          take: limit + 1,
          select: {
            id: true,
            quarantineReason: true,
            receivedAt: true,
            size: true,
            source: true,
            mailboxId: true,
            messageIdHeader: true,
          },
        }),
        deps.db.rawMessage.count({ where }),
      ]);
      const { shown, nextCursor } = newestFirstPage(rows, limit, "-receivedAt", (row) => row.receivedAt);
      return { items: shown.map(view), total, nextCursor };
    },
  );

  api.get(
    "/api/quarantine/:id",
    {
      config: { role: "triager" },
      schema: {
        tags: ["quarantine"],
        params: idParams,
        response: withErrors({
          200: quarantineItem.extend({
            headers: z.array(z.object({ name: z.string(), value: z.string() })).describe("CPR-masked"),
          }),
        }),
      },
    },
    async (request) => {
      const row = await deps.db.rawMessage.findFirst({ where: { id: request.params.id, state: "quarantined" } });
      if (!row) throw new AppError("NOT_FOUND", { message: "no such quarantined message" });
      let headers: { name: string; value: string }[] = [];
      try {
        // A message past RETENTION_DAYS has no bytes left: it lists without headers.
        headers = row.purgedAt ? [] : maskedHeaders(deps.cipher.decrypt(row.encrypted));
      } catch {
        headers = [];
      }
      return { ...view(row), headers };
    },
  );

  api.post(
    "/api/quarantine/:id/reprocess",
    {
      config: { role: "triager" },
      schema: {
        tags: ["quarantine"],
        params: idParams,
        response: withErrors({ 202: z.object({ queued: z.number().int() }) }),
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      const row = await deps.db.rawMessage.findFirst({ where: { id: request.params.id, state: "quarantined" } });
      if (!row) throw new AppError("NOT_FOUND", { message: "no such quarantined message" });
      const queued = await reprocess(deps, [row.id]);
      await recordAudit(deps.db, actor, {
        action: "quarantine.reprocessed",
        target: row.id,
        before: { state: "quarantined", error: maskText(row.quarantineReason) },
        after: { state: "stored" },
      });
      return reply.status(202).send({ queued });
    },
  );

  api.post(
    "/api/quarantine/reprocess",
    {
      config: { role: "triager" },
      schema: {
        tags: ["quarantine"],
        description: "Every quarantined message except oversized ones (those would only be quarantined again)",
        response: withErrors({ 202: z.object({ queued: z.number().int() }) }),
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      const rows = await deps.db.rawMessage.findMany({
        where: { state: "quarantined", NOT: { quarantineReason: { startsWith: "oversized" } } },
        select: { id: true },
      });
      const queued = await reprocess(
        deps,
        rows.map((row) => row.id),
      );
      await recordAudit(deps.db, actor, {
        action: "quarantine.reprocessed-all",
        detail: { count: queued, ids: rows.map((row) => row.id) },
      });
      return reply.status(202).send({ queued });
    },
  );

  api.get(
    "/api/raw-messages/:id",
    {
      config: { role: "admin" },
      schema: {
        tags: ["quarantine"],
        description:
          "The stored message as received (message/rfc822), decrypted on the fly; CPR numbers are NOT masked. Audited.",
        params: idParams,
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      const row = await deps.db.rawMessage.findUnique({ where: { id: request.params.id } });
      if (!row || row.purgedAt)
        throw new AppError("NOT_FOUND", { message: "no such message (or purged by retention)" });
      const bytes = deps.cipher.decrypt(row.encrypted);
      await recordAudit(deps.db, actor, {
        action: "raw-message.opened",
        target: row.id,
        detail: { size: bytes.length, receivedAt: iso(row.receivedAt) },
      });
      return reply
        .header("content-type", "message/rfc822")
        .header("content-disposition", `attachment; filename="${row.id}.eml"`)
        .header("cache-control", "no-store")
        .send(bytes);
    },
  );
}
