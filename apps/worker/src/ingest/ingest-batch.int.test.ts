import * as scenarios from "@safetynet/classifier/test-support";
import { loadIngestMessage, loadIngestMessages, preparedStatements } from "@safetynet/db";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, describe, expect, it } from "vitest";
import type { PreparedMessage } from "./group-batch.js";
import { ingestBatch } from "./ingest-batch.js";
import type { IngestContext } from "./ingest-context.js";
import { prepareMessage } from "./prepare-message.js";
import { processIngest, runAlone, stepsShared } from "./process-ingest.js";
import { storeMessages, testContext } from "./test-support.js";

const services = useTestServices();
const contexts: IngestContext[] = [];
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.sql.end()));
});

async function prepareAll(context: IngestContext, ids: readonly string[]): Promise<PreparedMessage[]> {
  const prepared: PreparedMessage[] = [];
  for (const id of ids) {
    const result = await prepareMessage(context, id, (messageId) => loadIngestMessage(context.sql, messageId));
    if (!("ready" in result)) throw new Error(`message ${id} was not ready`);
    prepared.push(result.ready);
  }
  return prepared;
}

describe("one batch transaction", () => {
  it("links a recurrence to the incident opened and resolved in the same batch", async () => {
    // A worker that falls behind (or an import) holds both days' NDRs in one batch.
    const messages = scenarios.recurring(31);
    const ids = await storeMessages(
      services.database.db,
      messages.map((item) => item.raw),
    );
    const context = testContext(
      services.database.db,
      services.database.url,
      services.redis.connection(),
      services.redis.prefix,
    );
    contexts.push(context);

    const outcomes = await ingestBatch(context, await prepareAll(context, ids));

    expect([...outcomes.values()].map((outcome) => outcome.status)).toEqual(ids.map(() => "parsed"));
    const incidents = await services.database.db.incident.findMany({
      where: { recipientDomain: "kommune-nabo.example" },
      orderBy: { sequence: "asc" },
    });
    expect(incidents.map((incident) => incident.status)).toEqual(["resolved", "open"]);
    expect(incidents[0]!.previousId).toBeNull();
    expect(incidents[1]!.previousId).toBe(incidents[0]!.id);
    const attached = await services.database.db.failure.groupBy({
      by: ["incidentId"],
      where: { rawMessageId: { in: ids } },
      _count: true,
    });
    expect(new Map(attached.map((row) => [row.incidentId, row._count]))).toEqual(
      new Map([
        [incidents[0]!.id, 6],
        [incidents[1]!.id, 6],
      ]),
    );
  });
});

describe("loading under a byte budget", () => {
  // NDRs that carry large originals (here: 300 KB of epilogue after the last MIME boundary).
  const padding = `\r\n${"x".repeat(75)}`.repeat(4_000);

  it("gives bytes to the rows that start within the budget and defers the rest; the first always loads", async () => {
    const messages = scenarios.gatewayDown(41).slice(0, 5);
    const ids = await storeMessages(
      services.database.db,
      messages.map((item) => item.raw + padding),
    );
    const context = testContext(
      services.database.db,
      services.database.url,
      services.redis.connection(),
      services.redis.prefix,
    );
    contexts.push(context);
    const sorted = [...ids].sort();
    const found = await loadIngestMessages(preparedStatements(context.sql), ids, 700_000);
    expect(sorted.map((id) => found.get(id)!.deferred)).toEqual([false, false, false, true, true]);
    expect(found.get(sorted[0]!)).toMatchObject({ deferred: false, state: "stored" });
    const alone = await loadIngestMessages(preparedStatements(context.sql), [sorted[4]!], 1_000);
    expect(alone.get(sorted[4]!)!.deferred).toBe(false);
  });

  it("ingests concurrent jobs whose messages exceed the budget together, in several load rounds", async () => {
    const messages = scenarios.tlsRefusal(42, undefined, "budget.example").slice(0, 8);
    const ids = await storeMessages(
      services.database.db,
      messages.map((item) => item.raw + padding),
    );
    const context = testContext(
      services.database.db,
      services.database.url,
      services.redis.connection(),
      services.redis.prefix,
    );
    contexts.push(context);
    // The same pool, counting the budgeted load statements that go through it.
    let rounds = 0;
    const pool = context.sql;
    const countingPool = Object.create(pool) as typeof pool;
    countingPool.query = ((config: { text?: string }, ...rest: unknown[]) => {
      if (config.text?.includes("running")) rounds++;
      return (pool.query as (...args: unknown[]) => unknown)(config, ...rest);
    }) as typeof pool.query;
    const counted: IngestContext = { ...context, sql: countingPool };
    const steps = stepsShared(counted, runAlone(counted), 128, 700_000);
    const outcomes = await Promise.all(ids.map((messageId) => processIngest(counted, { messageId }, steps)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(ids.map(() => "parsed"));
    expect(rounds).toBeGreaterThanOrEqual(3); // 8 x 300 KB with 700 KB at a time
  });
});
