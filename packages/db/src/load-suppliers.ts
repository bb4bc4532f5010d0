// The suppliers registered through the API, with their match rules (hosts, gateways, domains),
// which the classifier adds to the responsibility rules file.
import type { DbClient } from "./create-db-client.js";

export async function loadSuppliers(db: DbClient): Promise<{ id: string; match: unknown }[]> {
  return db.supplier.findMany({ select: { id: true, match: true }, orderBy: { id: "asc" } });
}
