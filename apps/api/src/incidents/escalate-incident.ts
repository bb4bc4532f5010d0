// Staff escalate or resolve an incident by hand. Both go through the escalation outbox
// (IncidentEvent, then the escalate queue), exactly like the worker's own decisions: the API
// never delivers a webhook itself.
import { AppError } from "@safetynet/core";
import {
  type IncidentEventKey,
  markIncidentEventsEnqueued,
  recordIncidentEvents,
  type SqlClient,
  type TransactionPool,
  withSqlTransaction,
} from "@safetynet/db";
import { enqueue } from "@safetynet/queue";
import type { Queue } from "bullmq";

async function lockIncident(client: SqlClient, id: string) {
  const found = await client.query(
    `SELECT id, fingerprint, status::text AS status, announced, "failureCount" FROM "Incident" WHERE id = $1`,
    [id],
  );
  const row = found.rows[0];
  if (!row) throw new AppError("NOT_FOUND", { message: "no such incident" });
  // The ingest transaction's fingerprint lock (lock-fingerprints.ts): neither undoes the other.
  await client.query("SELECT pg_advisory_xact_lock(727006, hashtext($1))", [row.fingerprint]);
  return row as { id: string; status: string; announced: boolean; failureCount: number };
}

async function enqueueEvent(pool: TransactionPool, queue: Queue, event: IncidentEventKey) {
  await enqueue(queue, "escalate", event);
  await withSqlTransaction(pool, (client) => markIncidentEventsEnqueued(client, [event]));
}

/** Announce an unannounced incident (incident.opened), else send its current state (incident.updated). */
export async function escalateIncident(pool: TransactionPool, queue: Queue, id: string): Promise<IncidentEventKey> {
  const event = await withSqlTransaction(pool, async (client) => {
    const incident = await lockIncident(client, id);
    if (incident.status === "resolved") throw new AppError("CONFLICT", { message: "the incident is resolved" });
    const key: IncidentEventKey = incident.announced
      ? { incidentId: id, event: "incident.updated", sequence: incident.failureCount }
      : { incidentId: id, event: "incident.opened", sequence: 0 };
    const known = await client.query(
      `SELECT 1 FROM "IncidentEvent" WHERE "incidentId" = $1 AND event = $2 AND sequence = $3`,
      [key.incidentId, key.event, key.sequence],
    );
    if (known.rows.length && incident.announced) {
      throw new AppError("CONFLICT", {
        message: "the supplier was already sent this state; redeliver it from the webhook delivery log",
      });
    }
    await recordIncidentEvents(client, [{ ...key, rawMessageId: null }]);
    await client.query(`UPDATE "Incident" SET announced = true, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE id = $1`, [
      id,
    ]);
    return key;
  });
  await enqueueEvent(pool, queue, event);
  return event;
}

/** Resolve now; an announced incident tells its supplier (incident.resolved). */
export async function resolveIncident(
  pool: TransactionPool,
  queue: Queue,
  id: string,
  at: Date,
): Promise<{ changed: boolean; event: IncidentEventKey | null }> {
  const result = await withSqlTransaction(pool, async (client) => {
    const incident = await lockIncident(client, id);
    if (incident.status === "resolved") return { changed: false, event: null };
    await client.query(
      `UPDATE "Incident" SET status = 'resolved', "resolvedAt" = $2::timestamp, "updatedAt" = $2::timestamp WHERE id = $1`,
      [id, at.toISOString()],
    );
    if (!incident.announced) return { changed: true, event: null };
    const event: IncidentEventKey = { incidentId: id, event: "incident.resolved", sequence: 0 };
    await recordIncidentEvents(client, [{ ...event, rawMessageId: null }]);
    return { changed: true, event };
  });
  if (result.event) await enqueueEvent(pool, queue, result.event);
  return result;
}
