// Who is signed in (role, name) for every page; `canEdit` hides write controls from viewers
// (the API refuses them anyway: this keeps the screen honest).
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Role, Session } from "../api/request-api.js";

const RANK: Record<Role, number> = { viewer: 0, triager: 1, admin: 2 };

export interface SessionContextValue {
  session: Session;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue & { canEdit: boolean; isAdmin: boolean } {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside a signed-in page");
  return {
    ...value,
    canEdit: RANK[value.session.role] >= RANK.triager,
    isAdmin: value.session.role === "admin",
  };
}
