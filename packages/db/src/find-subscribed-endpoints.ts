// The supplier's active endpoints whose event filter includes this event type.
import type { DbClient } from "./create-db-client.js";

export async function findSubscribedEndpoints(db: DbClient, supplierId: string, type: string): Promise<string[]> {
  const rows = await db.webhookEndpoint.findMany({
    where: { supplierId, active: true, events: { has: type } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => row.id);
}
