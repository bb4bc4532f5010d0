// The dashboard's built files (apps/dashboard/dist) at `/`, with history routing: any other GET
// outside /api, /docs, /healthz, /readyz and /metrics gets index.html (API-CONTRACT.md). Public:
// the files hold no data; signed out, every page shows the log-in form.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../app-deps.js";
import { errorPayload } from "../http/handle-error.js";

const NOT_PAGES = /^\/(api|docs)(\/|$)|^\/(healthz|readyz|metrics)$/;

export function findDashboardDir(): string | null {
  try {
    const manifest = createRequire(import.meta.url).resolve("@safetynet/dashboard/package.json");
    const dist = path.join(path.dirname(manifest), "dist");
    return existsSync(path.join(dist, "index.html")) ? dist : null;
  } catch {
    return null;
  }
}

export async function dashboardRoutes(app: FastifyInstance, deps: AppDeps) {
  const dir = deps.dashboardDir === undefined ? findDashboardDir() : deps.dashboardDir;
  if (dir) {
    await app.register(fastifyStatic, { root: dir, prefix: "/", wildcard: false, index: ["index.html"] });
  } else {
    app.get("/", { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type("text/plain; charset=utf-8")
        .send(
          "Safety net API. The dashboard is not built: run `npm run build` in the project root. API documentation: /docs\n",
        ),
    );
  }
  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const pathname = request.url.split("?")[0]!;
    if (dir && (request.method === "GET" || request.method === "HEAD") && !NOT_PAGES.test(pathname)) {
      return reply.type("text/html; charset=utf-8").sendFile("index.html");
    }
    return reply.status(404).send(errorPayload("NOT_FOUND", "no such route"));
  });
}
