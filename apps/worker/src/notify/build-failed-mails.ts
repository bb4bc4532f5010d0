// Turns failure rows into the pure composer's FailedMail shape, one per original message, in
// the order the mails were sent (a digest reads oldest first).
import type { NoticeFailureRow } from "@safetynet/db";
import { domainOf, type FailedMail, toCause } from "@safetynet/notify";

export function buildFailedMails(rows: readonly (NoticeFailureRow & { rawMessageId: string })[]): FailedMail[] {
  const byMessage = new Map<string, (NoticeFailureRow & { rawMessageId: string })[]>();
  for (const row of rows) {
    const group = byMessage.get(row.rawMessageId);
    if (group) group.push(row);
    else byMessage.set(row.rawMessageId, [row]);
  }
  const mails = [...byMessage.values()].map((group): FailedMail => {
    const first = group[0]!;
    return {
      sentAt: first.originalDate,
      failedAt: new Date(group.reduce((earliest, row) => Math.min(earliest, row.failedAt.getTime()), Infinity)),
      subjectMasked: group.find((row) => row.subjectMasked)?.subjectMasked ?? null,
      originalMessageId: first.originalMessageId,
      senderDomain: domainOf(first.originalSender),
      sender: first.originalSender,
      recipients: group.map((row) => ({ address: row.recipient, cause: toCause(row.cause) })),
      systemic: group.some((row) => row.scope === "systemic"),
      incidentKey: group.find((row) => row.incidentKey)?.incidentKey ?? null,
    };
  });
  return mails.sort(
    (a, b) => (a.sentAt?.getTime() ?? a.failedAt.getTime()) - (b.sentAt?.getTime() ?? b.failedAt.getTime()),
  );
}
