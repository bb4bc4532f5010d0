// Supplier webhook endpoints switched off (by staff or after failing deliveries): incidents no
// longer reach that supplier, so the alarm job raises one alarm per endpoint.
import type { DbClient } from "./create-db-client.js";

export async function listDisabledWebhookEndpoints(db: DbClient): Promise<{ id: string; supplierId: string }[]> {
  return db.webhookEndpoint.findMany({
    where: { active: false },
    select: { id: true, supplierId: true },
    orderBy: { createdAt: "asc" },
  });
}
