// hardBounce: true for the permanent "this address will never work" reasons (Sisimai v5's
// rule): the mailbox or domain does not exist or has moved, or the host says it accepts no mail.
import type { Reason } from "@safetynet/core";

const ALWAYS_HARD: ReadonlySet<Reason> = new Set<Reason>(["userunknown", "hostunknown", "hasmoved"]);

export function isHardBounce(reason: Reason, status: string | null, replyCode: string | null): boolean {
  if (ALWAYS_HARD.has(reason)) return true;
  // notaccept: a 5xx status (or reply code when there is no status) is hard, 4xx soft; with no
  // code at all the host refuses mail outright, which is hard (go-sisimai failure.IsHardBounce).
  if (reason === "notaccept") {
    const code = status || replyCode || "";
    return code === "" || code.startsWith("5");
  }
  return false;
}
