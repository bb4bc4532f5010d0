// One alarm event to one channel: a plain mail to TEAM_MAILBOX over SMTP_URL, or the signed
// operations webhook. A failure throws, so BullMQ retries with backoff (alarmNotify in the catalog).
import { loadAlarm } from "@safetynet/db";
import {
  type AlarmEvent,
  buildAlarmMail,
  buildAlarmWebhookPayload,
  buildPlainMessage,
  createMailSender,
} from "@safetynet/notify";
import type { JobPayload } from "@safetynet/queue";
import { UnrecoverableError } from "bullmq";
import { sendOpsWebhook } from "./send-ops-webhook.js";
import type { WatchContext } from "./watch-context.js";

export interface MailSettings {
  SMTP_URL: string;
  SMTP_STARTTLS: "opportunistic" | "required" | "off";
  SMTP_TLS_REJECT_UNAUTHORIZED: boolean;
  NOTICE_FROM: string;
}

export async function deliverAlarm(context: WatchContext, payload: JobPayload<"alarmNotify">): Promise<string> {
  const alarm = await loadAlarm(context.db, payload.alarmId);
  if (!alarm) throw new UnrecoverableError(`alarm ${payload.alarmId} does not exist`);
  const event = payload.event as AlarmEvent;
  const now = context.clock();
  const { config } = context;
  if (payload.channel === "mail") {
    if (!config.TEAM_MAILBOX) return "no TEAM_MAILBOX";
    const mail = buildAlarmMail(alarm, event, payload.sequence);
    const from = config.NOTICE_FROM;
    const sender = createMailSender(config);
    try {
      await sender.send(
        { from, to: [config.TEAM_MAILBOX] },
        buildPlainMessage({
          from,
          to: config.TEAM_MAILBOX,
          subject: mail.subject,
          text: mail.text,
          messageId: `<sn-alarm.${alarm.id}.${payload.sequence}@${from.split("@")[1]}>`,
          headers: ["Auto-Submitted: auto-generated", "X-Auto-Response-Suppress: All"],
          date: now,
        }),
      );
    } finally {
      sender.close();
    }
    return "mailed";
  }
  if (!config.OPS_WEBHOOK_URL || !config.OPS_WEBHOOK_SECRET) return "no OPS_WEBHOOK_URL";
  const envelope = buildAlarmWebhookPayload(alarm, event, payload.sequence, now);
  const status = await sendOpsWebhook(
    { url: config.OPS_WEBHOOK_URL, secret: config.OPS_WEBHOOK_SECRET },
    { id: envelope.id, body: JSON.stringify(envelope), now },
  );
  return `webhook ${status}`;
}
