// /metrics in the Prometheus text format (prom-client). Gauges are read when scraped, from the
// database and the queues, so every API process reports the same figures.
import type { FastifyInstance } from "fastify";
import { Gauge, Registry } from "prom-client";
import type { AppDeps } from "../app-deps.js";

type Row = Record<string, unknown>;

export async function metricsRoutes(app: FastifyInstance, deps: AppDeps) {
  const registry = new Registry();
  const rows = async (text: string) => (await deps.sql.query(text)).rows as Row[];
  const now = () => (deps.now?.() ?? new Date()).getTime();

  new Gauge({
    name: "safetynet_queue_depth",
    help: "Jobs waiting, delayed or running per queue",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      for (const queue of Object.values(deps.queues)) {
        const counts = await queue.getJobCounts("wait", "delayed", "active", "prioritized", "waiting-children");
        this.set(
          { queue: queue.name },
          Object.values(counts).reduce((sum, count) => sum + count, 0),
        );
      }
    },
  });
  new Gauge({
    name: "safetynet_queue_oldest_job_age_seconds",
    help: "Age of the oldest waiting job per queue (0 when none waits)",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      for (const queue of Object.values(deps.queues)) {
        const [oldest] = await queue.getJobs(["wait", "prioritized"], 0, 0, true);
        this.set({ queue: queue.name }, oldest ? Math.max(0, (now() - oldest.timestamp) / 1000) : 0);
      }
    },
  });
  new Gauge({
    name: "safetynet_ingest_lag_seconds",
    help: "Age of the oldest stored message not yet parsed (0 when none waits)",
    registers: [registry],
    async collect() {
      const [row] = await rows(`SELECT min("receivedAt") AS oldest FROM "RawMessage" WHERE state = 'stored'`);
      const oldest = row?.oldest as Date | null;
      this.set(oldest ? Math.max(0, (now() - oldest.getTime()) / 1000) : 0);
    },
  });
  new Gauge({
    name: "safetynet_failures",
    help: "Failure rows by cause",
    labelNames: ["cause"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await rows(`SELECT cause, count(*)::int AS n FROM "Failure" GROUP BY cause`)) {
        this.set({ cause: String(row.cause) }, Number(row.n));
      }
    },
  });
  new Gauge({
    name: "safetynet_notices",
    help: "Sender notices by state: sent, failed, uncertain (cut off by a crash), pending",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      const [row] = await rows(`SELECT
          count(*) FILTER (WHERE status = 'sent')::int AS sent,
          count(*) FILTER (WHERE status = 'failed' AND "lastError" LIKE 'interrupted%')::int AS uncertain,
          count(*) FILTER (WHERE status = 'failed' AND "lastError" NOT LIKE 'interrupted%' OR status = 'failed' AND "lastError" IS NULL)::int AS failed,
          count(*) FILTER (WHERE status IN ('pending', 'sending'))::int AS pending
        FROM "Notice"`);
      for (const state of ["sent", "failed", "uncertain", "pending"]) this.set({ state }, Number(row?.[state] ?? 0));
    },
  });
  new Gauge({
    name: "safetynet_quarantine_size",
    help: "Messages in quarantine (stored, not parsed)",
    registers: [registry],
    async collect() {
      const [row] = await rows(`SELECT count(*)::int AS n FROM "RawMessage" WHERE state = 'quarantined'`);
      this.set(Number(row?.n ?? 0));
    },
  });
  new Gauge({
    name: "safetynet_webhook_deliveries_failed",
    help: "Webhook delivery attempts that failed",
    registers: [registry],
    async collect() {
      const [row] = await rows(`SELECT count(*)::int AS n FROM "WebhookDelivery" WHERE status = 'failed'`);
      this.set(Number(row?.n ?? 0));
    },
  });
  new Gauge({
    name: "safetynet_canary_age_seconds",
    help: "Time since the last canary probe came back (-1 when none ever did)",
    registers: [registry],
    async collect() {
      const [row] = await rows(`SELECT max("returnedAt") AS last FROM "CanaryRun" WHERE "returnedAt" IS NOT NULL`);
      const last = row?.last as Date | null;
      this.set(last ? Math.max(0, (now() - last.getTime()) / 1000) : -1);
    },
  });

  app.get("/metrics", { config: { role: "public" }, schema: { hide: true } }, async (_request, reply) => {
    reply.header("content-type", registry.contentType);
    return registry.metrics();
  });
}
