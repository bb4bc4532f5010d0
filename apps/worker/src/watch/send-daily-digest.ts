// The daily digest job: load the day (packages/db), write it (packages/notify, pure) and mail it
// to TEAM_MAILBOX over SMTP_URL.
import { loadDigestData } from "@safetynet/db";
import { buildDailyDigest, buildPlainMessage, createMailSender, digestWindow } from "@safetynet/notify";
import type { WatchContext } from "./watch-context.js";

export async function sendDailyDigest(context: WatchContext, now = context.clock()): Promise<string> {
  const { config } = context;
  if (!config.TEAM_MAILBOX) {
    context.log.warn("daily digest not sent: TEAM_MAILBOX is not set");
    return "no TEAM_MAILBOX";
  }
  const data = await loadDigestData(context.db, digestWindow(now, config.DIGEST_TZ));
  const digest = buildDailyDigest(data, config.DIGEST_TZ);
  const from = config.NOTICE_FROM;
  const sender = createMailSender(config);
  try {
    await sender.send(
      { from, to: [config.TEAM_MAILBOX] },
      buildPlainMessage({
        from,
        to: config.TEAM_MAILBOX,
        subject: digest.subject,
        text: digest.text,
        messageId: `<sn-digest.${data.check.day}.${now.getTime().toString(36)}@${from.split("@")[1]}>`,
        headers: ["Auto-Submitted: auto-generated", "X-Auto-Response-Suppress: All"],
        date: now,
      }),
    );
  } finally {
    sender.close();
  }
  return "sent";
}
