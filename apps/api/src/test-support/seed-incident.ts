// An incident row with chosen fields, for the incident routes' tests.
import type { DbClient } from "@safetynet/db";

export async function seedIncident(
  db: DbClient,
  fields: Partial<{
    key: string;
    fingerprint: string;
    status: "pending" | "open" | "acknowledged" | "escalated" | "resolved";
    scope: "individual" | "systemic" | "pattern" | "none";
    cause: string;
    supplierId: string | null;
    announced: boolean;
    failureCount: number;
    lastSeen: Date;
  }> = {},
) {
  const key = fields.key ?? `fp-${Math.random().toString(36).slice(2)}-1`;
  return db.incident.create({
    data: {
      key,
      fingerprint: fields.fingerprint ?? key.replace(/-1$/, ""),
      fingerprintVersion: 1,
      scope: fields.scope ?? "systemic",
      status: fields.status ?? "open",
      cause: fields.cause ?? "gateway-down",
      responsible: "own-infrastructure",
      supplierId: fields.supplierId ?? null,
      firstSeen: new Date("2024-05-01T08:00:00Z"),
      lastSeen: fields.lastSeen ?? new Date("2024-05-01T09:00:00Z"),
      failureCount: fields.failureCount ?? 3,
      distinctSenders: 3,
      announced: fields.announced ?? false,
      live: true,
    },
  });
}
