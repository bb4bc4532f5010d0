// Authentication and role checks for every route. A route states the least role it needs in
// `config.role`; "public" routes (health, metrics, docs, the session log-in, the dashboard's
// files) skip it. Any /api route that states nothing needs admin, so a forgotten role fails closed.
import { AppError } from "@safetynet/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { AppDeps } from "../app-deps.js";
import { resolveSession, SESSION_COOKIE } from "./resolve-session.js";
import { resolveToken } from "./resolve-token.js";
import { type Principal, type Role, roleAllows } from "./roles.js";

declare module "fastify" {
  interface FastifyContextConfig {
    role?: Role | "public";
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError("UNAUTHORIZED", { message: "a valid bearer token or session is needed" });
  return request.principal;
}

async function authenticate(deps: AppDeps, request: FastifyRequest): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match ? resolveToken(deps.db, deps.adminToken, match[1]!) : null;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie) return resolveSession(deps.db, cookie, deps.now?.() ?? new Date());
  return null;
}

export const authPlugin = fp(async (app: FastifyInstance, deps: AppDeps) => {
  app.decorateRequest("principal", null);
  app.addHook("onRequest", async (request) => {
    const needed = request.routeOptions.config?.role;
    const isApi = request.url.startsWith("/api/") || request.url === "/api";
    if (needed === "public" || (needed === undefined && !isApi)) return;
    const principal = await authenticate(deps, request);
    if (!principal) throw new AppError("UNAUTHORIZED", { message: "a valid bearer token or session is needed" });
    request.principal = principal;
    // The session cookie rides along on any request the browser makes: unsafe methods must prove
    // they come from the dashboard's own page (the token it was given at log-in).
    if (principal.session && UNSAFE.has(request.method)) {
      const sent = request.headers["x-csrf-token"];
      if (sent !== principal.session.csrfToken) {
        throw new AppError("FORBIDDEN", { message: "x-csrf-token header missing or wrong" });
      }
    }
    if (!roleAllows(principal.role, needed ?? "admin")) {
      throw new AppError("FORBIDDEN", { message: `this needs the ${needed ?? "admin"} role` });
    }
  });
});
