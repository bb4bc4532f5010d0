// A person acknowledges an incident: it stays open for new failures, but staff and the supplier
// see that someone owns it. Takes the fingerprint lock so a concurrent ingest cannot undo it.
import type { DbClient } from "./create-db-client.js";

export async function acknowledgeIncident(
  db: DbClient,
  incidentId: string,
  by: string,
  at = new Date(),
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { fingerprint: true } });
    if (!incident) return false;
    // The same lock the ingest transaction takes (lock-fingerprints.ts), so neither undoes the other.
    await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(727006, hashtext(${incident.fingerprint})))::int AS locked`;
    const updated = await tx.incident.updateMany({
      where: { id: incidentId, status: { in: ["pending", "open", "escalated"] } },
      data: { status: "acknowledged", acknowledgedBy: by, acknowledgedAt: at },
    });
    return updated.count > 0;
  });
}
