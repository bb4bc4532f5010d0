// The report summary's update trigger must stay linear in the rows one statement updates, also in a
// session whose first update touched one row (PL/pgSQL kept that call's plan, and with it a row
// estimate of 1 for the transition tables: a 10,000-row update then joined them by nested loop,
// 10^8 comparisons, 34 s). auto_explain shows the trigger's own plan to this client: no scan of a
// transition table may run once per row of the other.
import { useTestServices } from "@safetynet/testing/hooks";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const services = useTestServices();
let client: pg.Client;
const plans: string[] = [];

beforeAll(async () => {
  client = new pg.Client({ connectionString: services.database.url });
  await client.connect();
  client.on("notice", (notice) => plans.push(notice.message ?? ""));
  await client.query(
    `INSERT INTO "RawMessage" (id, sha256, size, encrypted) VALUES ('raw-mass', 'sha-mass', 1, '\\x00'), ('raw-one', 'sha-one', 1, '\\x00')`,
  );
  const insert = (raw: string, count: number) =>
    client.query(
      `INSERT INTO "Failure" (id, "updatedAt", cause, recipient, "failedAt", responsible, "rawMessageId", "recipientIndex", reason)
       SELECT $1 || '-' || g, now(), 'recipient-unknown', 'r' || g || '@liste.example', now(), 'sender', $1, g, 'userunknown'
       FROM generate_series(0, $2::int - 1) g`,
      [raw, count],
    );
  await insert("raw-one", 1);
  await insert("raw-mass", 10_000);
});

afterAll(async () => {
  await client.end();
});

describe("report summary update trigger", () => {
  it("reads the old and new rows of a 10,000-row update once each, after a one-row update in the same session", async () => {
    // The session's first counted update: one row (staff set one recipient's outcome, and back).
    await client.query(`UPDATE "Failure" SET outcome = 'not-contacted' WHERE "rawMessageId" = 'raw-one'`);
    await client.query(`UPDATE "Failure" SET outcome = 'untriaged' WHERE "rawMessageId" = 'raw-one'`);
    await client.query("LOAD 'auto_explain'");
    await client.query(
      "SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on; SET auto_explain.log_analyze = on; SET client_min_messages = log",
    );
    // Then a bulk triage of a 10,000-recipient mail merge.
    const result = await client.query(
      `UPDATE "Failure" SET outcome = 'not-contacted' WHERE "rawMessageId" = 'raw-mass'`,
    );
    await client.query("SET client_min_messages = notice; SET auto_explain.log_min_duration = -1");
    expect(result.rowCount).toBe(10_000);
    const trigger = plans.filter((plan) => plan.includes("FROM old_rows") && plan.includes("FROM new_rows"));
    expect(trigger.length, plans.join("\n---\n").slice(0, 2000)).toBeGreaterThan(0);
    const perRowScans = trigger.flatMap((plan) =>
      [...plan.matchAll(/Named Tuplestore Scan.*loops=(\d+)/g)].map((match) => Number(match[1])),
    );
    expect(perRowScans.length).toBeGreaterThan(0);
    expect(
      perRowScans.every((loops) => loops === 1),
      trigger.join("\n"),
    ).toBe(true);
    await client.query(`UPDATE "Failure" SET outcome = 'untriaged' WHERE "rawMessageId" = 'raw-mass'`);
  });

  it("still counts only what changed: a notified-to update leaves the summary alone, an outcome moves it", async () => {
    const counts = async () =>
      (
        await client.query(
          `SELECT outcome::text, originals, failures FROM "ReportCount" WHERE originals <> 0 ORDER BY 1`,
        )
      ).rows;
    expect(await counts()).toEqual([{ outcome: "untriaged", originals: 2, failures: 10_001 }]);
    await client.query(`UPDATE "Failure" SET "notifiedTo" = 'masse@kommune.example' WHERE "rawMessageId" = 'raw-mass'`);
    expect(await counts()).toEqual([{ outcome: "untriaged", originals: 2, failures: 10_001 }]);
    await client.query(`UPDATE "Failure" SET outcome = 'resent' WHERE "rawMessageId" = 'raw-mass'`);
    expect(await counts()).toEqual([
      { outcome: "resent", originals: 1, failures: 10_000 },
      { outcome: "untriaged", originals: 1, failures: 1 },
    ]);
  });
});
