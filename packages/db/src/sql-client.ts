// A node-postgres pool (and the query interface over it) for hot paths where Prisma's per-query
// cost dominates (the ingest transaction, the notify processor: measured 0.12 ms CPU per query here
// against 0.5-1.6 ms through Prisma). Timestamps are read as UTC, the way Prisma writes them; SQL
// written for it never relies on the session time zone.
import { createHash } from "node:crypto";
import { logErrors } from "@safetynet/config";
import pg from "pg";

export interface SqlClient {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

export interface UtcSqlPool extends SqlClient {
  end(): Promise<void>;
}

export type TransactionPool = pg.Pool;

const TIMESTAMP_WITHOUT_ZONE = 1114;
/** Checkouts of one pooled connection before it is replaced (and its statements planned again). */
const PLANNED_USES = 1_000;

function typeParser(oid: number, format?: "text" | "binary") {
  if (oid === TIMESTAMP_WITHOUT_ZONE) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
  return pg.types.getTypeParser(oid, format as "text");
}

/** The raw pool, for work that needs one connection for a while (transactions). */
export function createTransactionPool(
  databaseUrl: string,
  options: { poolSize?: number; genericPlans?: boolean } = {},
): TransactionPool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    types: { getTypeParser: typeParser } as never,
    // Prepared statements keep one generic plan instead of re-planning with each call's values:
    // every hot statement here is a key or array lookup whose best plan does not depend on them.
    // bench/notify: PostgreSQL CPU per notice 2.02-2.13 ms -> 1.42-1.50 ms, 345-370 -> 417-440
    // notices/s; bench/classify and bench/ingest unchanged within their noise.
    // Ad-hoc filtered reads (the API's lists and reports) turn this off: their best plan depends on
    // the values (a date range of a day or of six years).
    ...(options.genericPlans === false ? {} : { options: "-c plan_cache_mode=force_generic_plan" }),
    // A generic plan is made once per connection, for the table sizes of that moment, and kept until
    // an ANALYZE invalidates it. Made while a table is small (a fresh database: the demo, a new
    // install, every benchmark) it scans the whole table for one key; autovacuum's analyze may come
    // only a minute later, while a burst grows the table by thousands of rows. bench/e2e found the
    // notice's sent record scanning every Failure row (burst 3,000: 1.3 ms a call, half the
    // database's time; at 10,000, 2.6 ms). A connection retired after this many uses is replaced
    // by one that plans afresh: at the pace of a burst, every few seconds; on a quiet day, rarely.
    maxUses: PLANNED_USES,
  });
  // An idle client lost its connection: the pool replaces it on the next query; the log shows it.
  logErrors(pool, "postgres pool");
  // A client that is checked out (a transaction between two statements) when the server ends its
  // connection (PostgreSQL restarting: 57P01) emits `error` on itself, not on the pool: pg-pool
  // drops its own listener at checkout, and an `error` nobody listens to ends the process. Found by
  // the reliability suite (a worker exited on `pg_ctl stop -m fast`). The statement in hand fails,
  // the job retries, release() drops the dead client; the pool's log line shows the outage.
  pool.on("connect", (client) => client.on("error", (error) => pool.emit("error", error, client)));
  return pool;
}

/** Single statements on any free connection of the pool. */
export function createUtcSqlPool(
  databaseUrl: string,
  options: { poolSize?: number; genericPlans?: boolean } = {},
): UtcSqlPool {
  const pool = createTransactionPool(databaseUrl, options);
  return { ...preparedStatements(pool), end: () => pool.end() };
}

const statementNames = new Map<string, string>();

/**
 * Named (prepared) statements: Postgres parses and plans each text once per connection instead of
 * on every call (the hot statements run hundreds of times a second with the same text, and the
 * notify path's CTE statements cost more to plan than to run).
 */
export function preparedStatements(client: pg.Pool | pg.PoolClient): SqlClient {
  return {
    query(text, values = []) {
      let name = statementNames.get(text);
      if (!name) {
        name = `sn_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
        statementNames.set(text, name);
      }
      return client.query({ name, text, values }) as never;
    },
  };
}
