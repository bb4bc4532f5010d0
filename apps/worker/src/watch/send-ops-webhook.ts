// Posts one alarm event to the operations webhook with the supplier webhooks' own signing and
// sender (packages/webhooks): Standard Webhooks headers (webhook-id, webhook-timestamp,
// webhook-signature v1,<HMAC-SHA256>), no redirects followed, a timeout. A failure throws, so the
// alarmNotify job retries with backoff.
import { sendWebhook, signWebhook } from "@safetynet/webhooks";

export interface OpsWebhook {
  url: string;
  secret: string;
}

export async function sendOpsWebhook(
  target: OpsWebhook,
  event: { id: string; body: string; now: Date },
  timeoutMs = 10_000,
): Promise<number> {
  const headers = signWebhook({ id: event.id, at: event.now, body: event.body, secrets: [target.secret] });
  // The operator set this URL in the environment (often an internal alerting host), so it is exempt
  // from the private-address guard, which is there for endpoints entered through the API.
  const result = await sendWebhook(
    { url: target.url, body: event.body, headers },
    { allowHosts: [new URL(target.url).hostname], timeoutMs },
  );
  if (result.httpStatus === null) throw new Error(`operations webhook not reached: ${result.error ?? "no answer"}`);
  if (result.httpStatus < 200 || result.httpStatus >= 300) {
    throw new Error(`operations webhook answered HTTP ${result.httpStatus}`);
  }
  return result.httpStatus;
}
