// Bearer token -> principal: ADMIN_TOKEN, or an unrevoked API token looked up by its hash.
import type { DbClient } from "@safetynet/db";
import { hashSecret, sameSecret } from "./hash-secret.js";
import type { Principal, Role } from "./roles.js";

export const ADMIN_TOKEN_NAME = "admin-token";

export async function resolveToken(
  db: DbClient,
  adminToken: string | undefined,
  token: string,
): Promise<Principal | null> {
  if (!token) return null;
  if (adminToken && sameSecret(token, adminToken)) {
    return { role: "admin", name: ADMIN_TOKEN_NAME, tokenId: null, session: null };
  }
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(token) } });
  if (!row || row.revokedAt) return null;
  // lastUsedAt is for staff deciding which tokens to revoke: minute precision is plenty.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
  }
  return { role: row.role as Role, name: row.name, tokenId: row.id, session: null };
}
