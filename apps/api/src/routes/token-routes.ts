// API tokens (admin): create (the token is shown once), list, revoke.
import { AppError } from "@safetynet/core";
import { mask } from "@safetynet/cpr";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app-deps.js";
import { recordAudit } from "../audit/record-audit.js";
import { requirePrincipal } from "../auth/auth-plugin.js";
import { hashSecret, randomSecret } from "../auth/hash-secret.js";
import { ROLES } from "../auth/roles.js";
import { idParams, iso, isoTime } from "../http/common-schemas.js";
import { withErrors } from "../http/error-body.js";

const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  prefix: z.string().describe("first characters of the token"),
  createdBy: z.string(),
  createdAt: isoTime,
  lastUsedAt: isoTime.nullable(),
  revokedAt: isoTime.nullable(),
});

type TokenRow = {
  id: string;
  name: string;
  role: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

function view(row: TokenRow) {
  return {
    id: row.id,
    name: row.name,
    role: row.role as (typeof ROLES)[number],
    prefix: row.prefix,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
  };
}

export async function tokenRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    "/api/tokens",
    {
      config: { role: "admin" },
      schema: {
        tags: ["tokens"],
        body: z.object({ name: z.string().trim().min(1).max(100), role: z.enum(ROLES) }).strict(),
        response: withErrors({ 201: tokenView.extend({ token: z.string().describe("shown once; stored hashed") }) }),
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      const token = randomSecret("sn_");
      const row = await deps.db.apiToken.create({
        data: {
          name: mask(request.body.name),
          role: request.body.role,
          tokenHash: hashSecret(token),
          prefix: token.slice(0, 8),
          createdBy: actor.name,
        },
      });
      await recordAudit(deps.db, actor, {
        action: "api-token.created",
        target: row.id,
        after: { name: row.name, role: row.role },
      });
      return reply.status(201).send({ ...view(row), token });
    },
  );
  api.get(
    "/api/tokens",
    {
      config: { role: "admin" },
      schema: { tags: ["tokens"], response: withErrors({ 200: z.object({ items: z.array(tokenView) }) }) },
    },
    async () => {
      const rows = await deps.db.apiToken.findMany({ orderBy: { createdAt: "asc" } });
      return { items: rows.map(view) };
    },
  );
  api.delete(
    "/api/tokens/:id",
    {
      config: { role: "admin" },
      schema: { tags: ["tokens"], params: idParams, response: withErrors({ 204: z.null() }) },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      const row = await deps.db.apiToken.findUnique({ where: { id: request.params.id } });
      if (!row) throw new AppError("NOT_FOUND", { message: "no such token" });
      if (!row.revokedAt) {
        const revokedAt = deps.now?.() ?? new Date();
        await deps.db.$transaction([
          deps.db.apiToken.update({ where: { id: row.id }, data: { revokedAt } }),
          deps.db.apiSession.deleteMany({ where: { tokenId: row.id } }),
        ]);
        await recordAudit(deps.db, actor, {
          action: "api-token.revoked",
          target: row.id,
          before: { revokedAt: null },
          after: { revokedAt: revokedAt.toISOString() },
        });
      }
      return reply.status(204).send(null);
    },
  );
}
