// Records one delivery attempt and what it decided, in one transaction: the attempt's row, the
// dispatch's next step, the endpoint's run of failures (and its disabling, with an alert for staff
// as an AuditEvent), and the incident's escalatedAt once the supplier has accepted incident.opened.
// An attempt already recorded (a re-run job after a crash) changes nothing: the first record stands.
import type { DbClient } from "./create-db-client.js";

export const WEBHOOK_ACTOR = "safetynet:webhooks";

export interface WebhookAttemptRecord {
  dispatchId: string;
  endpointId: string;
  incidentId: string | null;
  eventId: string;
  eventType: string;
  attempt: number;
  at: Date;
  succeeded: boolean;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
  responseBody: string | null;
  next: { kind: "done" } | { kind: "retry"; at: Date } | { kind: "give-up" };
  endpoint: { failingSince: Date | null; disable: "gone" | "failing" | null };
}

export async function recordWebhookAttempt(
  db: DbClient,
  record: WebhookAttemptRecord,
): Promise<{ recorded: boolean; disabled: boolean }> {
  return db.$transaction(async (tx) => {
    const inserted = await tx.webhookDelivery.createMany({
      data: [
        {
          dispatchId: record.dispatchId,
          endpointId: record.endpointId,
          incidentId: record.incidentId,
          eventId: record.eventId,
          eventType: record.eventType,
          attempt: record.attempt,
          status: record.succeeded ? "succeeded" : "failed",
          httpStatus: record.httpStatus,
          error: record.error,
          durationMs: record.durationMs,
          responseBody: record.responseBody,
          createdAt: record.at,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return { recorded: false, disabled: false };
    const { next } = record;
    await tx.webhookDispatch.update({
      where: { id: record.dispatchId },
      data: {
        attempts: record.attempt,
        status: next.kind === "done" ? "succeeded" : next.kind === "retry" ? "pending" : "failed",
        nextAttemptAt: next.kind === "retry" ? next.at : null,
      },
    });
    if (record.succeeded) {
      await tx.webhookEndpoint.update({ where: { id: record.endpointId }, data: { failingSince: null } });
    } else {
      // Keeps the start of the run: only the first failure after a success sets it.
      await tx.webhookEndpoint.updateMany({
        where: { id: record.endpointId, failingSince: null },
        data: { failingSince: record.endpoint.failingSince ?? record.at },
      });
    }
    let disabled = false;
    if (record.endpoint.disable) {
      const changed = await tx.webhookEndpoint.updateMany({
        where: { id: record.endpointId, active: true },
        data: { active: false, disabledAt: record.at, disabledReason: record.endpoint.disable },
      });
      disabled = changed.count > 0;
      if (disabled) {
        const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({
          where: { id: record.endpointId },
          select: { supplierId: true, failingSince: true },
        });
        await tx.auditEvent.create({
          data: {
            actor: WEBHOOK_ACTOR,
            action: "webhook-endpoint.disabled",
            target: record.endpointId,
            detail: {
              supplierId: endpoint.supplierId,
              reason: record.endpoint.disable,
              httpStatus: record.httpStatus,
              eventId: record.eventId,
              failingSince: endpoint.failingSince?.toISOString() ?? null,
            },
          },
        });
      }
    }
    if (record.succeeded && record.eventType === "incident.opened" && record.incidentId) {
      const incident = await tx.incident.findUnique({
        where: { id: record.incidentId },
        select: { fingerprint: true },
      });
      if (incident) {
        // The ingest transaction's fingerprint lock (lock-fingerprints.ts), so neither undoes the other's status.
        await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(727006, hashtext(${incident.fingerprint})))::int AS locked`;
        await tx.incident.updateMany({
          where: { id: record.incidentId, escalatedAt: null },
          data: { escalatedAt: record.at },
        });
        await tx.incident.updateMany({
          where: { id: record.incidentId, status: "open" },
          data: { status: "escalated" },
        });
      }
    }
    return { recorded: true, disabled };
  });
}
