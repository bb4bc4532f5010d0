// Test-only child process: runs the real notify processor (production concurrency, a pg pool) and
// kills itself with SIGKILL at a chosen point of the SMTP transaction, as a power cut or OOM kill
// would; without `crashAt` it runs until the test kills it from outside.
//   tsx notify-crash-child.ts '{"databaseUrl","redisUrl","prefix","smtpUrl","crashAt"?,"onUncertain"?}'
import { createDbClient } from "@safetynet/db";
import { Redis } from "ioredis";
import { NOTIFY_WORKER_OPTIONS } from "../notify-worker-options.js";
import { startNotifyWorker } from "./start-notify-worker.js";

export type CrashPoint = "after-claim" | "in-data" | "after-accept";

const settings = JSON.parse(process.argv[2] ?? "{}") as {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  smtpUrl: string;
  crashAt?: CrashPoint;
  onUncertain?: "resend" | "hold";
  sendingLeaseMs?: number;
  /** NOTICE_DATA_WINDOW: notices inside DATA at once (1 by default here). */
  dataWindow?: number;
};
const die = () => {
  process.kill(process.pid, "SIGKILL");
};
const hooks = {
  "after-claim": { afterClaim: die },
  "in-data": { afterDataStart: die },
  "after-accept": { afterAccept: die },
};
startNotifyWorker({
  db: createDbClient(settings.databaseUrl, { poolSize: 2 }),
  databaseUrl: settings.databaseUrl,
  smtpUrl: settings.smtpUrl,
  connection: () => new Redis(settings.redisUrl, { maxRetriesPerRequest: null }),
  prefix: settings.prefix,
  concurrency: NOTIFY_WORKER_OPTIONS.concurrency,
  poolSize: 5,
  dataWindow: settings.dataWindow ?? 1,
  sqlPoolSize: 8,
  lockDuration: 2_000,
  // BullMQ lets one stalled check run per interval across all workers: keep it short for the rescuer.
  stalledInterval: 500,
  config: { NOTICE_ON_UNCERTAIN: settings.onUncertain ?? "resend" },
  deps: {
    ...(settings.crashAt ? { hooks: hooks[settings.crashAt] } : {}),
    ...(settings.sendingLeaseMs ? { sendingLeaseMs: settings.sendingLeaseMs } : {}),
  },
});
process.stdout.write("ready\n");
