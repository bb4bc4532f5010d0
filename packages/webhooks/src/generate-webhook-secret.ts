// A new endpoint secret: `whsec_` + base64 of 24 random bytes (API-CONTRACT.md), stored as is
// because signing needs it; shown to staff once, when created or rotated.
import { randomBytes } from "node:crypto";

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}
