// A canary probe about to go out (status sent), or one that could not be handed to SMTP (error).
// The row is written before the SMTP transaction, so an NDR that comes back fast finds it.
import type { DbClient } from "./create-db-client.js";

export async function recordCanaryProbe(
  db: DbClient,
  probe: { probeId: string; sentAt: Date; origin: "schedule" | "cli" },
): Promise<void> {
  await db.canaryRun.create({ data: { ...probe, status: "sent" } });
}

/** The SMTP path refused the probe or could not be reached: no NDR can come back. */
export async function recordCanaryProbeError(db: DbClient, probeId: string, detail: string): Promise<void> {
  await db.canaryRun.update({ where: { probeId }, data: { status: "error", detail: detail.slice(0, 300) } });
}
