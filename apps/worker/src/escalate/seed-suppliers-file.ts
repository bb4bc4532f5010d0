// Reads SUPPLIERS_FILE (JSON or YAML), validates it and seeds the suppliers and endpoints it names
// before the worker attributes any failure, so a fresh installation escalates from its first NDR.
import { readFile } from "node:fs/promises";
import { type DbClient, type SeedResult, seedSuppliers } from "@safetynet/db";
import { generateWebhookSecret, parseSuppliersFile } from "@safetynet/webhooks";

export async function seedSuppliersFile(db: DbClient, path: string): Promise<SeedResult> {
  const file = parseSuppliersFile(await readFile(path, "utf8"), path);
  return seedSuppliers(
    db,
    file.suppliers.map((supplier) => ({
      id: supplier.id,
      name: supplier.name,
      contact: supplier.contact ?? null,
      match: supplier.match,
      endpoints: supplier.endpoints.map((endpoint) => ({
        url: endpoint.url,
        events: endpoint.events,
        secret: endpoint.secret ?? null,
      })),
    })),
    generateWebhookSecret,
  );
}
