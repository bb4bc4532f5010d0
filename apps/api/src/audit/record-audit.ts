// Audit log of every change and every raw download: who, what, on which target, before and after.
import type { DbClient } from "@safetynet/db";
import type { Principal } from "../auth/roles.js";

export interface AuditEntry {
  action: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: Record<string, unknown>;
}

type AuditWriter = Pick<DbClient, "auditEvent">;

export async function recordAudit(db: AuditWriter, actor: Principal, entry: AuditEntry): Promise<void> {
  const detail = {
    ...(entry.detail ?? {}),
    ...(entry.before !== undefined ? { before: entry.before } : {}),
    ...(entry.after !== undefined ? { after: entry.after } : {}),
    ...(actor.tokenId ? { tokenId: actor.tokenId } : {}),
  };
  await db.auditEvent.create({
    data: {
      actor: actor.name,
      action: entry.action,
      target: entry.target ?? null,
      detail: JSON.parse(JSON.stringify(detail)),
    },
  });
}
