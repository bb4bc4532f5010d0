// Seeds suppliers and their endpoints from the suppliers file (SUPPLIERS_FILE): the file is the
// source of truth for what it names (name, contact, match, each endpoint's events and, when the
// file gives one, its secret); rows added through the API are left alone. Endpoints are known by
// (supplier, URL). Idempotent: seeding the same file twice changes nothing.
import type { DbClient } from "./create-db-client.js";

export interface SeedSupplier {
  id: string;
  name: string;
  contact: string | null;
  match: { hosts: string[]; gateways: string[]; domains: string[] };
  endpoints: { url: string; events: string[]; secret: string | null }[];
}

export interface SeedResult {
  suppliers: number;
  /** Endpoints created now; `generatedSecret` when the file gave none (never logged). */
  created: { endpointId: string; supplierId: string; url: string; generatedSecret: string | null }[];
  updated: number;
}

export async function seedSuppliers(
  db: DbClient,
  suppliers: readonly SeedSupplier[],
  generateSecret: () => string,
): Promise<SeedResult> {
  const result: SeedResult = { suppliers: suppliers.length, created: [], updated: 0 };
  await db.$transaction(async (tx) => {
    for (const supplier of suppliers) {
      const fields = { name: supplier.name, contact: supplier.contact, match: supplier.match, origin: "file" };
      await tx.supplier.upsert({ where: { id: supplier.id }, create: { id: supplier.id, ...fields }, update: fields });
      const existing = await tx.webhookEndpoint.findMany({
        where: { supplierId: supplier.id },
        select: { id: true, url: true, events: true, secret: true },
      });
      for (const endpoint of supplier.endpoints) {
        const found = existing.find((row) => row.url === endpoint.url);
        if (!found) {
          const secret = endpoint.secret ?? generateSecret();
          const row = await tx.webhookEndpoint.create({
            data: { supplierId: supplier.id, url: endpoint.url, events: endpoint.events, secret },
            select: { id: true },
          });
          result.created.push({
            endpointId: row.id,
            supplierId: supplier.id,
            url: endpoint.url,
            generatedSecret: endpoint.secret ? null : secret,
          });
          continue;
        }
        const sameEvents = [...found.events].sort().join() === [...endpoint.events].sort().join();
        const sameSecret = endpoint.secret === null || endpoint.secret === found.secret;
        if (sameEvents && sameSecret) continue;
        await tx.webhookEndpoint.update({
          where: { id: found.id },
          data: { events: endpoint.events, ...(endpoint.secret ? { secret: endpoint.secret } : {}) },
        });
        result.updated++;
      }
    }
  });
  return result;
}
