// Posts one alarm event to the operations webhook, signed and sent the way supplier webhooks are
// (packages/webhooks: Standard Webhooks headers, 15 s or the given timeout, no redirects). The
// operator configured this URL, so its host is exempt from the private-address guard: an
// operations endpoint inside the municipality's own network is the usual case.
import { sendWebhook, signWebhook } from "@safetynet/webhooks";

export interface OpsWebhook {
  url: string;
  secret: string;
}

export async function sendOpsWebhook(
  target: OpsWebhook,
  event: { id: string; body: unknown; now: Date },
  timeoutMs = 10_000,
): Promise<number> {
  const body = JSON.stringify(event.body);
  const headers = signWebhook({ id: event.id, at: event.now, body, secrets: [target.secret] });
  const result = await sendWebhook(
    { url: target.url, body, headers },
    { allowHosts: [new URL(target.url).hostname], timeoutMs },
  );
  if (result.httpStatus === null) throw new Error(`operations webhook: ${result.error}`);
  if (result.httpStatus < 200 || result.httpStatus >= 300) {
    throw new Error(`operations webhook answered HTTP ${result.httpStatus}`);
  }
  return result.httpStatus;
}
