// Roles in order of power: a route names the least role it needs.
export const ROLES = ["viewer", "triager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function roleAllows(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

export interface Principal {
  role: Role;
  /** Shown in the audit log: the token's name, or `admin-token` for ADMIN_TOKEN. */
  name: string;
  tokenId: string | null;
  /** Set when the request came with the session cookie (then unsafe methods need the CSRF header). */
  session: { id: string; csrfToken: string } | null;
}
