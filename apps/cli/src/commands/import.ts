// `safetynet import PATH...|imap://... [--since YYYY-MM-DD] [--before YYYY-MM-DD]`: back-fills
// history through the same store-and-enqueue step as the poller (source "import"), resumably.
import { loadConfig } from "@safetynet/config";
import { createDbClient, createRawMessageCipher, createUtcSqlPool } from "@safetynet/db";
import { createIngestor, createProgressReporter, formatSummary, runImport } from "@safetynet/ingest";
import { createQueue, createRedisConnection } from "@safetynet/queue";
import { readArgs } from "../read-args.js";

const USAGE = `usage: safetynet import [--since YYYY-MM-DD] [--before YYYY-MM-DD] PATH|imap://...|- ...
  PATH   an mbox file, a Maildir, a folder of .eml files, one message file, or - for stdin
  imap://user:pass@host:143/Folder (imaps:// for TLS; IMAP_ACCESS_TOKEN for XOAUTH2)
  --since, --before  limit an IMAP folder by internal date (SEARCH SINCE/BEFORE)
Re-running stores nothing twice; an interrupted run resumes after its last stored batch.
`;

function parseDate(value: string | undefined, flag: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()))
    throw new Error(`${flag} expects YYYY-MM-DD, got "${value}"`);
  return date;
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = readArgs({
    args,
    allowPositionals: true,
    options: {
      since: { type: "string" },
      before: { type: "string" },
      "batch-size": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || positionals.length === 0) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const range = { since: parseDate(values.since, "--since"), before: parseDate(values.before, "--before") };
  const config = loadConfig([
    "DATABASE_URL",
    "REDIS_URL",
    "REDIS_PREFIX",
    "SAFETYNET_KEY",
    "MAX_MESSAGE_BYTES",
    "IMAP_ACCESS_TOKEN",
  ]);
  const db = createDbClient(config.DATABASE_URL);
  const sql = createUtcSqlPool(config.DATABASE_URL, { poolSize: 4 });
  const redis = createRedisConnection(config.REDIS_URL);
  const queue = createQueue("ingest", { connection: redis, prefix: config.REDIS_PREFIX });
  try {
    const ingestor = createIngestor({
      db,
      sql,
      queue,
      cipher: createRawMessageCipher(config.SAFETYNET_KEY),
      maxMessageBytes: config.MAX_MESSAGE_BYTES,
    });
    const summary = await runImport({
      db,
      ingestor,
      progress: createProgressReporter(process.stderr),
      sources: positionals,
      range: { ...(range.since ? { since: range.since } : {}), ...(range.before ? { before: range.before } : {}) },
      ...(values["batch-size"] ? { batchSize: Number(values["batch-size"]) } : {}),
      ...(config.IMAP_ACCESS_TOKEN ? { accessToken: config.IMAP_ACCESS_TOKEN } : {}),
    });
    process.stdout.write(formatSummary(summary));
    return summary.failedSources.length ? 1 : 0;
  } finally {
    await queue.close().catch(() => undefined);
    await redis.quit().catch(() => undefined);
    await sql.end().catch(() => undefined);
    await db.$disconnect();
  }
}
