import * as scenarios from "@safetynet/classifier/test-support";
import { loadIngestMessage } from "@safetynet/db";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, describe, expect, it } from "vitest";
import type { PreparedMessage } from "./group-batch.js";
import { ingestBatch } from "./ingest-batch.js";
import type { IngestContext } from "./ingest-context.js";
import { prepareMessage } from "./prepare-message.js";
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
    const ids = await storeMessages(services.database.db, messages.map((item) => item.raw));
    const context = testContext(services.database.db, services.database.url, services.redis.connection(), services.redis.prefix);
    contexts.push(context);

    const outcomes = await ingestBatch(context, await prepareAll(context, ids));

    expect([...outcomes.values()].map((outcome) => outcome.status)).toEqual(ids.map(() => "parsed"));
    const incidents = await services.database.db.incident.findMany({ where: { recipientDomain: "kommune-nabo.example" }, orderBy: { sequence: "asc" } });
    expect(incidents.map((incident) => incident.status)).toEqual(["resolved", "open"]);
    expect(incidents[0]!.previousId).toBeNull();
    expect(incidents[1]!.previousId).toBe(incidents[0]!.id);
    const attached = await services.database.db.failure.groupBy({ by: ["incidentId"], where: { rawMessageId: { in: ids } }, _count: true });
    expect(new Map(attached.map((row) => [row.incidentId, row._count]))).toEqual(new Map([[incidents[0]!.id, 6], [incidents[1]!.id, 6]]));
  });
});
