// A new event id (the webhook-id header): `msg_` and 24 random letters (about 112 bits). Letters
// only, on purpose: a run of ten digits in an id would look like a CPR number to a supplier's DLP
// filter, which could then block or flag the very message that tells it about an outage.
import { randomBytes } from "node:crypto";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

export function generateWebhookId(): string {
  let id = "";
  while (id.length < 24) {
    for (const byte of randomBytes(32)) {
      // 234 = 9 x 26: bytes above it are skipped so every letter is equally likely.
      if (byte < 234 && id.length < 24) id += LETTERS[byte % 26];
    }
  }
  return `msg_${id}`;
}
