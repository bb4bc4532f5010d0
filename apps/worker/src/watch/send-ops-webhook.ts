// Posts one alarm event to the operations webhook, signed the Standard Webhooks way with the
// `standardwebhooks` package (webhook-id, webhook-timestamp, webhook-signature v1,<HMAC-SHA256>).
// The supplier webhooks (packages/webhooks, another issue) sign the same way; when that package
// lands this module can hand its request to that sender.
import { Webhook } from "standardwebhooks";

export interface OpsWebhook {
  url: string;
  secret: string;
}

export async function sendOpsWebhook(
  target: OpsWebhook,
  event: { id: string; body: unknown; now: Date },
  timeoutMs = 10_000,
): Promise<number> {
  const payload = JSON.stringify(event.body);
  const signature = new Webhook(target.secret).sign(event.id, event.now, payload);
  const response = await fetch(target.url, {
    method: "POST",
    redirect: "manual", // a redirect is an error, never followed (STYLE.md rule 11)
    signal: AbortSignal.timeout(timeoutMs),
    headers: {
      "content-type": "application/json",
      "user-agent": "safetynet-alarms",
      "webhook-id": event.id,
      "webhook-timestamp": String(Math.floor(event.now.getTime() / 1000)),
      "webhook-signature": signature,
    },
    body: payload,
  });
  await response.body?.cancel().catch(() => undefined);
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`operations webhook answered HTTP ${response.status}`);
  }
  return response.status;
}
