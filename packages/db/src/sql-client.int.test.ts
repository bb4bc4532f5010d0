// A connection the server ends while the pool has lent it out (PostgreSQL restarting in the middle
// of a transaction) must fail that transaction, not the process: the reliability suite saw a worker
// exit on an unhandled `error` event of a checked-out pg client. Ends only its own backend.
import { loadConfig } from "@safetynet/config";
import { afterAll, describe, expect, it } from "vitest";
import { createTransactionPool } from "./sql-client.js";

describe("transaction pool when the server ends a lent-out connection", () => {
  const url = new URL(loadConfig(["DATABASE_URL"]).DATABASE_URL);
  url.pathname = "/postgres";
  const pool = createTransactionPool(url.toString(), { poolSize: 2 });
  const admin = createTransactionPool(url.toString(), { poolSize: 1 });
  afterAll(async () => {
    await Promise.all([pool.end(), admin.end()]);
  });

  it("reports the error, fails the next statement, and serves the next query on a new connection", async () => {
    const errors: Error[] = [];
    pool.on("error", (error) => errors.push(error));
    const client = await pool.connect();
    await client.query("BEGIN");
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    // The server ends the session while no statement of it runs: only the client's `error` event can tell.
    await admin.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    const deadline = Date.now() + 10_000;
    while (!errors.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(errors.map((error) => (error as Error & { code?: string }).code)).toContain("57P01");
    await expect(client.query("COMMIT")).rejects.toThrow();
    client.release();
    const after = await pool.query<{ one: number }>("SELECT 1 AS one");
    expect(after.rows[0]!.one).toBe(1);
  });
});
