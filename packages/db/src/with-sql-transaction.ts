// A node-postgres pool for the ingest transaction (one connection per transaction, timestamps read
// as UTC like Prisma writes them), and the helper that runs work in one transaction on it.
import { createHash } from "node:crypto";
import pg from "pg";
import type { SqlClient } from "./sql-client.js";

export type TransactionPool = pg.Pool;

const TIMESTAMP_WITHOUT_ZONE = 1114;

function typeParser(oid: number, format?: "text" | "binary") {
  if (oid === TIMESTAMP_WITHOUT_ZONE) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
  return pg.types.getTypeParser(oid, format as "text");
}

export function createTransactionPool(databaseUrl: string, options: { poolSize?: number } = {}): TransactionPool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10, types: { getTypeParser: typeParser } as never });
  pool.on("error", () => {
    /* an idle client lost its connection; the pool replaces it on the next query */
  });
  return pool;
}

const statementNames = new Map<string, string>();

/**
 * Named (prepared) statements: Postgres parses and plans each text once per connection instead of
 * on every call (the ingest statements run hundreds of times a second with the same text).
 */
export function preparedStatements(client: pg.Pool | pg.PoolClient): SqlClient {
  return {
    query(text, values = []) {
      let name = statementNames.get(text);
      if (!name) {
        name = `sn_tx_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
        statementNames.set(text, name);
      }
      return client.query({ name, text, values }) as never;
    },
  };
}

/** Run `work` in one transaction on one pooled connection; roll back on any error. */
export async function withSqlTransaction<T>(pool: TransactionPool, work: (client: SqlClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(preparedStatements(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
