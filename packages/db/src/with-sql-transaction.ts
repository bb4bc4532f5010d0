// Runs work in one transaction on one pooled connection, with prepared statements.
import { preparedStatements, type SqlClient, type TransactionPool } from "./sql-client.js";

/** Run `work` in one transaction on one pooled connection; roll back on any error. */
export async function withSqlTransaction<T>(
  pool: TransactionPool,
  work: (client: SqlClient) => Promise<T>,
): Promise<T> {
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
