// Session cookie -> principal: an unexpired session whose token (if any) is not revoked.
import type { DbClient } from "@safetynet/db";
import { hashSecret } from "./hash-secret.js";
import type { Principal, Role } from "./roles.js";

export const SESSION_COOKIE = "sn_session";
export const SESSION_HOURS = 12;

export async function resolveSession(db: DbClient, cookieValue: string, now: Date): Promise<Principal | null> {
  const id = hashSecret(cookieValue);
  const row = await db.apiSession.findUnique({ where: { id }, include: { token: true } });
  if (!row || row.expiresAt <= now) return null;
  if (row.tokenId && (!row.token || row.token.revokedAt)) return null;
  return { role: row.role as Role, name: row.name, tokenId: row.tokenId, session: { id, csrfToken: row.csrfToken } };
}
