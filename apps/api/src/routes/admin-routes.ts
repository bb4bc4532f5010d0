// Administration: mailboxes (sync state, add, pause), the staff directory (list, CSV import),
// suppliers and their webhook endpoints (DESIGN.md's shapes).
import { randomBytes } from "node:crypto";
import { AppError, MAILBOX_STATUSES } from "@safetynet/core";
import { importStaffDirectory, sealMailboxCredentials } from "@safetynet/db";
import { parseStaffCsv } from "@safetynet/notify";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app-deps.js";
import { recordAudit } from "../audit/record-audit.js";
import { requirePrincipal } from "../auth/auth-plugin.js";
import { idParams, iso, isoTime } from "../http/common-schemas.js";
import { withErrors } from "../http/error-body.js";
import { maskText } from "../http/mask-text.js";

const mailboxView = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string().describe("without credentials"),
  origin: z.string().describe("config (IMAP_URL) or api"),
  authMethod: z.string(),
  status: z.enum(MAILBOX_STATUSES),
  lastError: z.string().nullable(),
  lastSeenAt: isoTime.nullable(),
  lastFullSyncAt: isoTime.nullable(),
  lastMessageAt: isoTime.nullable().describe("when the newest stored message from it arrived"),
  uidValidity: z.string().nullable(),
  lastUid: z.string(),
});

function stripCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.password = "";
  return parsed.toString();
}

const supplierView = z.object({
  id: z.string(),
  name: z.string(),
  match: z.object({ hosts: z.array(z.string()) }),
  createdAt: isoTime,
});

const hostPattern = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, { message: "expected a host name, optionally starting with *." });

export async function adminRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/mailboxes",
    {
      config: { role: "viewer" },
      schema: { tags: ["mailboxes"], response: withErrors({ 200: z.object({ items: z.array(mailboxView) }) }) },
    },
    async () => {
      const result = await deps.sql.query(
        `SELECT m.*, m.status::text AS status, (SELECT max(r."receivedAt") FROM "RawMessage" r WHERE r."mailboxId" = m.id) AS "lastMessageAt"
         FROM "Mailbox" m ORDER BY m.name`,
      );
      return {
        items: result.rows.map((row) => ({
          id: row.id,
          name: row.name,
          url: stripCredentials(row.url),
          origin: row.origin,
          authMethod: row.authMethod,
          status: row.status,
          lastError: maskText(row.lastError),
          lastSeenAt: iso(row.lastSeenAt),
          lastFullSyncAt: iso(row.lastFullSyncAt),
          lastMessageAt: iso(row.lastMessageAt),
          uidValidity: row.uidValidity === null ? null : String(row.uidValidity),
          lastUid: String(row.lastUid),
        })),
      };
    },
  );

  api.post(
    "/api/mailboxes",
    {
      config: { role: "admin" },
      schema: {
        tags: ["mailboxes"],
        description:
          "Add a mailbox: imap[s]://user:password@host:port/FOLDER; the password (or accessToken for XOAUTH2) is stored encrypted with SAFETYNET_KEY, never shown again",
        body: z
          .object({
            name: z.string().trim().min(1).max(100),
            url: z
              .string()
              .refine((value) => /^imaps?:\/\/[^/]+/.test(value), { message: "expected an imap:// or imaps:// URL" }),
            accessToken: z.string().min(1).max(10_000).optional(),
            markMode: z.enum(["move", "keyword", "none"]).default("none"),
            processedFolder: z.string().min(1).max(200).default("Processed"),
          })
          .strict(),
        response: withErrors({
          201: z.object({ id: z.string(), name: z.string(), url: z.string(), status: z.string() }),
        }),
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      const { name, accessToken, markMode, processedFolder } = request.body;
      const parsed = new URL(request.body.url);
      const user = decodeURIComponent(parsed.username);
      if (!user) throw new AppError("VALIDATION_FAILED", { message: "the URL needs a user name" });
      const pass = parsed.password ? decodeURIComponent(parsed.password) : undefined;
      if (!pass && !accessToken)
        throw new AppError("VALIDATION_FAILED", { message: "give a password in the URL or an accessToken" });
      const url = stripCredentials(parsed.toString());
      const exists = await deps.db.mailbox.findUnique({ where: { name } });
      if (exists) throw new AppError("CONFLICT", { message: "a mailbox with this name exists" });
      const row = await deps.db.mailbox.create({
        data: {
          name,
          url,
          origin: "api",
          authMethod: accessToken ? "xoauth2" : "password",
          markMode,
          processedFolder,
          credentials: sealMailboxCredentials(deps.secretKey, {
            user,
            ...(pass ? { pass } : {}),
            ...(accessToken ? { accessToken } : {}),
          }),
        },
      });
      await recordAudit(deps.db, actor, { action: "mailbox.added", target: row.id, after: { name, url, markMode } });
      return reply.status(201).send({ id: row.id, name: row.name, url: row.url, status: row.status });
    },
  );

  api.patch(
    "/api/mailboxes/:id",
    {
      config: { role: "admin" },
      schema: {
        tags: ["mailboxes"],
        description: "Pause or resume (the poller picks the change up within IMAP_MAILBOX_RELOAD_SECONDS)",
        params: idParams,
        body: z.object({ status: z.enum(["active", "paused"]) }).strict(),
        response: withErrors({ 200: z.object({ id: z.string(), status: z.string() }) }),
      },
    },
    async (request) => {
      const actor = requirePrincipal(request);
      const row = await deps.db.mailbox.findUnique({ where: { id: request.params.id } });
      if (!row) throw new AppError("NOT_FOUND", { message: "no such mailbox" });
      const updated = await deps.db.mailbox.update({
        where: { id: row.id },
        data: { status: request.body.status, ...(request.body.status === "active" ? { lastError: null } : {}) },
      });
      await recordAudit(deps.db, actor, {
        action: "mailbox.updated",
        target: row.id,
        before: { status: row.status },
        after: { status: updated.status },
      });
      return { id: updated.id, status: updated.status === "auth_failed" ? "auth-failed" : updated.status };
    },
  );

  const staffView = z.object({
    email: z.string(),
    name: z.string(),
    department: z.string().nullable(),
    managerEmail: z.string().nullable(),
    active: z.boolean(),
    language: z.string(),
  });

  api.get(
    "/api/staff",
    {
      config: { role: "triager" },
      schema: {
        tags: ["staff"],
        querystring: z.object({
          q: z.string().trim().min(1).max(200).optional().describe("part of the e-mail or name"),
          department: z.string().min(1).max(200).optional(),
        }),
        response: withErrors({ 200: z.object({ items: z.array(staffView), total: z.number().int() }) }),
      },
    },
    async (request) => {
      const { q, department } = request.query;
      const rows = await deps.db.staffMember.findMany({
        where: {
          ...(department ? { department } : {}),
          ...(q
            ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] }
            : {}),
        },
        orderBy: { email: "asc" },
      });
      return {
        items: rows.map(({ updatedAt: _updatedAt, ...row }) => row),
        total: rows.length,
      };
    },
  );

  api.post(
    "/api/staff/import",
    {
      config: { role: "admin" },
      schema: {
        tags: ["staff"],
        description:
          "Body: the directory as CSV (text/csv; columns email, name, department, manager, active, language; `,` or `;`). ?deactivateMissing=true marks people absent from the file as having left",
        querystring: z.object({ deactivateMissing: z.enum(["true", "false"]).default("false") }),
        body: z
          .string()
          .min(1)
          .max(5 * 1024 * 1024),
        response: withErrors({
          200: z.object({ upserted: z.number().int(), deactivated: z.number().int() }),
          422: z.object({
            error: z.object({ code: z.string(), message: z.string() }),
            errors: z.array(z.object({ line: z.number().int(), problem: z.string() })),
          }),
        }),
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      const { rows, errors } = parseStaffCsv(request.body);
      if (errors.length) {
        return reply.status(422).send({
          error: { code: "PARSE_FAILED", message: `${errors.length} bad row(s); nothing imported` },
          errors,
        });
      }
      const result = await importStaffDirectory(deps.db, rows, {
        deactivateMissing: request.query.deactivateMissing === "true",
      });
      await recordAudit(deps.db, actor, { action: "staff.imported", detail: { ...result, rows: rows.length } });
      return result;
    },
  );

  api.post(
    "/api/suppliers",
    {
      config: { role: "admin" },
      schema: {
        tags: ["suppliers"],
        description: "Create or replace a supplier: failures reported by a matching host are the supplier's to act on",
        body: z
          .object({
            id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: "expected lower-case letters, digits and -" }),
            name: z.string().trim().min(1).max(200),
            match: z.object({ hosts: z.array(hostPattern).min(1).max(100) }).strict(),
          })
          .strict(),
        response: withErrors({ 201: supplierView, 200: supplierView }),
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      const { id, name, match } = request.body;
      const before = await deps.db.supplier.findUnique({ where: { id } });
      const row = await deps.db.supplier.upsert({
        where: { id },
        create: { id, name, match },
        update: { name, match },
      });
      await recordAudit(deps.db, actor, {
        action: before ? "supplier.updated" : "supplier.created",
        target: id,
        before: before ? { name: before.name, match: before.match } : null,
        after: { name, match },
      });
      return reply.status(before ? 200 : 201).send({
        id: row.id,
        name: row.name,
        match: row.match as { hosts: string[] },
        createdAt: row.createdAt.toISOString(),
      });
    },
  );

  api.get(
    "/api/suppliers",
    {
      config: { role: "viewer" },
      schema: { tags: ["suppliers"], response: withErrors({ 200: z.object({ items: z.array(supplierView) }) }) },
    },
    async () => {
      const rows = await deps.db.supplier.findMany({ orderBy: { id: "asc" } });
      return {
        items: rows.map((row) => ({
          id: row.id,
          name: row.name,
          match: row.match as { hosts: string[] },
          createdAt: row.createdAt.toISOString(),
        })),
      };
    },
  );

  api.post(
    "/api/webhook-endpoints",
    {
      config: { role: "admin" },
      schema: {
        tags: ["webhooks"],
        description: "The signing secret (whsec_...) is shown once, in this answer",
        body: z
          .object({
            supplierId: z.string().min(1).max(100),
            url: z.url({ protocol: /^https?$/ }).max(2000),
            events: z.array(z.enum(["incident.opened", "incident.updated", "incident.resolved"])).min(1),
          })
          .strict(),
        response: withErrors({ 201: z.object({ id: z.string(), secret: z.string() }) }),
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      const { supplierId, url, events } = request.body;
      const supplier = await deps.db.supplier.findUnique({ where: { id: supplierId } });
      if (!supplier) throw new AppError("NOT_FOUND", { message: "no such supplier" });
      const secret = `whsec_${randomBytes(24).toString("base64")}`;
      const row = await deps.db.webhookEndpoint.create({
        data: { supplierId, url, events: [...new Set(events)], secret },
      });
      await recordAudit(deps.db, actor, {
        action: "webhook-endpoint.created",
        target: row.id,
        after: { supplierId, url, events: row.events },
      });
      return reply.status(201).send({ id: row.id, secret });
    },
  );
}
