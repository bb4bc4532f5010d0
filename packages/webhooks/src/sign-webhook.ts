// Standard Webhooks signing with the reference `standardwebhooks` package: the signature is
// `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` keyed with the base64 part of the whsec_ secret.
// During a secret rotation's grace period both secrets sign, space-separated (the spec's rule for
// several signatures), so a receiver that still holds the old secret keeps verifying.
import { Webhook } from "standardwebhooks";

export interface WebhookHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

export interface SignInput {
  id: string;
  /** The attempt's time: receivers reject timestamps far from their clock (5 minutes by default). */
  at: Date;
  body: string;
  /** The current secret first, then any still in their grace period. */
  secrets: readonly string[];
}

export function signWebhook(input: SignInput): WebhookHeaders {
  if (!input.secrets.length) throw new Error("signWebhook: no secret");
  const signatures = [...new Set(input.secrets)].map((secret) =>
    new Webhook(secret).sign(input.id, input.at, input.body),
  );
  return {
    "webhook-id": input.id,
    "webhook-timestamp": String(Math.floor(input.at.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
