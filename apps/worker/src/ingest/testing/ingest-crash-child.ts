// Test-only child process: runs the real worker (ingest only) and kills itself with SIGKILL, as a
// power cut or OOM kill would: inside its third batch transaction, or right after the commit of the
// first batch that escalates an incident.updated (before anything is enqueued).
//   tsx ingest-crash-child.ts '{"databaseUrl","redisUrl","prefix","key","crashAt":"before-commit"|"after-commit"}'
import { type IngestOutcome, start } from "../../index.js";

const settings = JSON.parse(process.argv[2] ?? "{}") as {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  key: string;
  crashAt: "before-commit" | "after-commit";
};
const die = () => process.kill(process.pid, "SIGKILL");
let batches = 0;
const dieOnThirdBatch = () => {
  if (++batches === 3) die();
};
const dieAfterAnUpdate = (outcomes: ReadonlyMap<string, IngestOutcome>) => {
  const escalations = [...outcomes.values()].flatMap((outcome) =>
    outcome.status === "parsed" ? outcome.escalations : [],
  );
  if (escalations.some((escalation) => escalation.event === "incident.updated")) die();
};
await start({
  env: {
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    SAFETYNET_KEY: settings.key,
    WORKER_CONCURRENCY: "8",
    LOG_LEVEL: "silent",
  },
  redisPrefix: settings.prefix,
  sweepIntervalMs: 0,
  notify: false,
  escalate: false,
  lockDurationMs: 2_000,
  stalledIntervalMs: 500,
  hooks: settings.crashAt === "before-commit" ? { beforeCommit: dieOnThirdBatch } : { afterCommit: dieAfterAnUpdate },
});
process.stdout.write("ready\n");
