// Watching the watcher: the canary's probes and the operations alarms (packages/canary/README.md).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app-deps.js";
import { listOf, pageQuery } from "../http/common-schemas.js";
import { withErrors } from "../http/error-body.js";
import { alarmFilterShape, alarmItem, listAlarmsPage } from "../watch/list-alarms-page.js";
import { canaryFilterShape, canaryRunItem, listCanaryRunsPage } from "../watch/list-canary-runs-page.js";

export async function watchRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/canary/runs",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["canary"],
        description: "Canary probes, newest first: sent, returned (with the round trip), missing or error",
        querystring: z.object({ ...canaryFilterShape, ...pageQuery }),
        response: withErrors({ 200: listOf(canaryRunItem) }),
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return listCanaryRunsPage(deps.db, filter, limit, cursor);
    },
  );

  api.get(
    "/api/alarms",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["alarms"],
        description: "Operations alarms, newest first; ?open=true for those still firing",
        querystring: z.object({ ...alarmFilterShape, ...pageQuery }),
        response: withErrors({ 200: listOf(alarmItem) }),
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return listAlarmsPage(deps.db, filter, limit, cursor);
    },
  );
}
