// Every resource of the API, each a plugin with full schemas.
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../app-deps.js";
import { adminRoutes } from "./admin-routes.js";
import { cprAuditRoutes } from "./cpr-audit-routes.js";
import { dailyCheckRoutes } from "./daily-check-routes.js";
import { failureRoutes } from "./failure-routes.js";
import { healthRoutes } from "./health-routes.js";
import { incidentRoutes } from "./incident-routes.js";
import { metricsRoutes } from "./metrics-routes.js";
import { noticeRoutes } from "./notice-routes.js";
import { quarantineRoutes } from "./quarantine-routes.js";
import { reportRoutes } from "./report-routes.js";
import { sessionRoutes } from "./session-routes.js";
import { tokenRoutes } from "./token-routes.js";
import { watchRoutes } from "./watch-routes.js";
import { webhookRoutes } from "./webhook-routes.js";

export async function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  for (const routes of [
    healthRoutes,
    metricsRoutes,
    tokenRoutes,
    sessionRoutes,
    failureRoutes,
    incidentRoutes,
    reportRoutes,
    quarantineRoutes,
    noticeRoutes,
    dailyCheckRoutes,
    adminRoutes,
    cprAuditRoutes,
    watchRoutes,
    webhookRoutes,
  ]) {
    await app.register(async (scope) => routes(scope, deps));
  }
}
