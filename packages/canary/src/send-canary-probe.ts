// Sends one canary probe through the configured path: the CanaryRun row first (so an NDR that
// comes back at once finds it), then the SMTP transaction. A path that refuses the probe outright
// is recorded as an error: the chain must accept it and answer with an NDR, as it does for staff.
import { randomUUID } from "node:crypto";
import { canaryToken } from "@safetynet/core";
import { type DbClient, recordCanaryProbe, recordCanaryProbeError } from "@safetynet/db";
import { buildCanaryProbe, createMailSender } from "@safetynet/notify";
import type { CanaryConfig } from "./canary-settings.js";

export interface SentProbe {
  probeId: string;
  sentAt: Date;
  smtpResponse: string;
}

export class CanaryNotConfiguredError extends Error {}

export async function sendCanaryProbe(
  db: DbClient,
  config: CanaryConfig,
  options: { origin: "schedule" | "cli"; now?: Date },
): Promise<SentProbe> {
  if (!config.CANARY_TO)
    throw new CanaryNotConfiguredError("CANARY_TO is not set: there is no recipient for the probe");
  const probeId = canaryToken(randomUUID());
  const sentAt = options.now ?? new Date();
  const from = config.CANARY_FROM ?? config.NOTICE_FROM;
  await recordCanaryProbe(db, { probeId, sentAt, origin: options.origin });
  const sender = createMailSender({
    SMTP_URL: config.CANARY_SMTP_URL ?? config.SMTP_URL,
    SMTP_STARTTLS: config.SMTP_STARTTLS,
    SMTP_TLS_REJECT_UNAUTHORIZED: config.SMTP_TLS_REJECT_UNAUTHORIZED,
  });
  try {
    const result = await sender.send(
      { from, to: [config.CANARY_TO] },
      buildCanaryProbe({ token: probeId, from, to: config.CANARY_TO, date: sentAt }),
    );
    return { probeId, sentAt, smtpResponse: result.response };
  } catch (error) {
    // The SMTP reply says why (e.g. 550 refused at RCPT, connection refused); never mail content.
    const reason = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    await recordCanaryProbeError(db, probeId, `not sent: ${reason}`);
    throw Object.assign(new Error(`the probe could not be sent: ${reason}`), { probeId });
  } finally {
    sender.close();
  }
}
