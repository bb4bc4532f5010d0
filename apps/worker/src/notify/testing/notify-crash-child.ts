// Test-only child process: runs the real notify processor and kills itself with SIGKILL at a
// chosen point of the SMTP transaction, as a power cut or OOM kill would.
//   tsx notify-crash-child.ts '{"databaseUrl","redisUrl","prefix","smtpUrl","crashAt":"after-claim"|"after-accept"}'
import { createDbClient } from "@safetynet/db";
import { Redis } from "ioredis";
import { startNotifyWorker } from "./start-notify-worker.js";

const settings = JSON.parse(process.argv[2] ?? "{}") as {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  smtpUrl: string;
  crashAt: "after-claim" | "after-accept";
};
const die = () => {
  process.kill(process.pid, "SIGKILL");
};
startNotifyWorker({
  db: createDbClient(settings.databaseUrl, { poolSize: 2 }),
  databaseUrl: settings.databaseUrl,
  smtpUrl: settings.smtpUrl,
  connection: () => new Redis(settings.redisUrl, { maxRetriesPerRequest: null }),
  prefix: settings.prefix,
  lockDuration: 2_000,
  // BullMQ lets one stalled check run per interval across all workers: keep it short for the rescuer.
  stalledInterval: 500,
  deps: { hooks: settings.crashAt === "after-claim" ? { afterClaim: die } : { afterAccept: die } },
});
process.stdout.write("ready\n");
