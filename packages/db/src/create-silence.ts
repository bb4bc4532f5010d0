// A silence mutes escalation of one fingerprint until it expires; it needs a reason and a person,
// so a muted fault is always explained (Alertmanager-style, but never open-ended).
import type { DbClient } from "./create-db-client.js";

export interface NewSilence {
  fingerprint: string;
  reason: string;
  createdBy: string;
  expiresAt: Date;
}

export async function createSilence(db: DbClient, silence: NewSilence): Promise<string> {
  if (!silence.reason.trim()) throw new Error("a silence needs a reason");
  if (silence.expiresAt.getTime() <= Date.now()) throw new Error("a silence needs an expiry in the future");
  const row = await db.silence.create({ data: silence, select: { id: true } });
  return row.id;
}
