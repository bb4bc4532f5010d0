// The dashboard's session: log in with an API token, get an HttpOnly cookie and a CSRF token
// (API-CONTRACT.md). Cookie-authenticated unsafe requests must echo the CSRF token in a header.
import { randomBytes } from "node:crypto";
import { AppError } from "@safetynet/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app-deps.js";
import { recordAudit } from "../audit/record-audit.js";
import { requirePrincipal } from "../auth/auth-plugin.js";
import { hashSecret, randomSecret } from "../auth/hash-secret.js";
import { SESSION_COOKIE, SESSION_HOURS } from "../auth/resolve-session.js";
import { resolveToken } from "../auth/resolve-token.js";
import { ROLES } from "../auth/roles.js";
import { withErrors } from "../http/error-body.js";

const sessionView = z.object({ role: z.enum(ROLES), name: z.string(), csrfToken: z.string() });

export async function sessionRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    "/api/session",
    {
      // A log-in form is what brute force aims at: a tighter limit than the API's.
      config: { role: "public", rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: ["session"],
        security: [],
        body: z.object({ token: z.string().min(1).max(500) }).strict(),
        response: withErrors({ 200: sessionView }),
      },
    },
    async (request, reply) => {
      const principal = await resolveToken(deps.db, deps.adminToken, request.body.token);
      if (!principal) throw new AppError("UNAUTHORIZED", { message: "unknown or revoked token" });
      const cookieValue = randomSecret("");
      const csrfToken = randomBytes(24).toString("base64url");
      const now = deps.now?.() ?? new Date();
      const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
      await deps.db.apiSession.create({
        data: {
          id: hashSecret(cookieValue),
          tokenId: principal.tokenId,
          role: principal.role,
          name: principal.name,
          csrfToken,
          expiresAt,
        },
      });
      await deps.db.apiSession.deleteMany({ where: { expiresAt: { lt: now } } });
      await recordAudit(deps.db, principal, { action: "session.opened" });
      reply.setCookie(SESSION_COOKIE, cookieValue, {
        httpOnly: true,
        sameSite: "strict",
        path: "/",
        secure: request.protocol === "https",
        expires: expiresAt,
      });
      return { role: principal.role, name: principal.name, csrfToken };
    },
  );
  api.get(
    "/api/session",
    { config: { role: "viewer" }, schema: { tags: ["session"], response: withErrors({ 200: sessionView }) } },
    async (request) => {
      const principal = requirePrincipal(request);
      if (!principal.session) throw new AppError("UNAUTHORIZED", { message: "no session cookie" });
      return { role: principal.role, name: principal.name, csrfToken: principal.session.csrfToken };
    },
  );
  api.delete(
    "/api/session",
    { config: { role: "viewer" }, schema: { tags: ["session"], response: withErrors({ 204: z.null() }) } },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      if (principal.session) await deps.db.apiSession.deleteMany({ where: { id: principal.session.id } });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );
}
