// hardBounce: true for the permanent "this address will never work" reasons (Sisimai v5's
// rule): the mailbox or domain does not exist or has moved, or the host says it accepts no mail.
import type { Reason } from "@safetynet/core";

const ALWAYS_HARD: ReadonlySet<Reason> = new Set<Reason>(["userunknown", "hostunknown", "hasmoved"]);

export function isHardBounce(reason: Reason, status: string | null, replyCode: string | null): boolean {
  if (ALWAYS_HARD.has(reason)) return true;
  if (reason === "notaccept") return (status ?? "").startsWith("5") || (!status && (replyCode ?? "").startsWith("5"));
  return false;
}
