// The team's daily digest (07:30 Copenhagen time): what came in since yesterday, what is still
// open, the serious cases, whether the canary got through and who did yesterday's check. Pure:
// the same data gives the same mail. Causes, counts, incident keys and failure ids only.
import type { DigestData } from "@safetynet/core";
import { formatDuration } from "@safetynet/core";

const when = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);

export function buildDailyDigest(data: DigestData, timeZone = "Europe/Copenhagen"): { subject: string; text: string } {
  const newTotal = data.newFailuresByCause.reduce((sum, row) => sum + row.count, 0);
  const checkDone = data.check.checkedBy.length > 0;
  const canaryOk =
    data.canary.lastReturned !== null &&
    !data.openAlarms.some((alarm) => alarm.kind === "canary") &&
    data.canary.lastReturned.sentAt >= data.from;
  const lines: string[] = [];
  lines.push(`Safety net daily digest, ${when(data.from, timeZone)} to ${when(data.to, timeZone)}`, "");

  lines.push(`New failures: ${newTotal}`);
  for (const row of data.newFailuresByCause) lines.push(`  ${row.cause}: ${row.count}`);
  lines.push("");

  lines.push(`Open incidents: ${data.openIncidents.length}`);
  for (const incident of data.openIncidents) {
    lines.push(
      `  ${incident.key}  ${incident.scope}/${incident.status}  ${incident.cause}  ${incident.failureCount} failure(s)${incident.supplierId ? `  supplier ${incident.supplierId}` : ""}  since ${when(incident.firstSeen, timeZone)}`,
    );
  }
  lines.push("");

  lines.push(
    `Older cases not triaged: ${data.untriagedOlder.count}${data.untriagedOlder.oldestAt ? ` (oldest failed ${when(data.untriagedOlder.oldestAt, timeZone)})` : ""}`,
  );
  lines.push(`Serious cases not triaged: ${data.serious.length}`);
  for (const row of data.serious)
    lines.push(`  failure ${row.id}  ${row.cause}  failed ${when(row.failedAt, timeZone)}`);
  lines.push("");

  const { latest, lastReturned } = data.canary;
  lines.push(
    `Canary: ${canaryOk ? "OK" : "NOT OK"} (${data.canary.returnedInWindow} of ${data.canary.runsInWindow} probe(s) in the period came back)`,
  );
  if (lastReturned) {
    lines.push(
      `  last NDR back: probe sent ${when(lastReturned.sentAt, timeZone)}, round trip ${formatDuration(lastReturned.returnedAt.getTime() - lastReturned.sentAt.getTime())}`,
    );
  } else lines.push("  no probe has ever come back");
  if (latest && !latest.returnedAt)
    lines.push(`  latest probe sent ${when(latest.sentAt, timeZone)}: ${latest.status}`);
  lines.push("");

  lines.push(`Open alarms: ${data.openAlarms.length}`);
  for (const alarm of data.openAlarms) lines.push(`  since ${when(alarm.firedAt, timeZone)}: ${alarm.message}`);
  lines.push("");

  lines.push(
    checkDone
      ? `Daily check ${data.check.day}: done by ${data.check.checkedBy.join(", ")}`
      : `Daily check ${data.check.day}: NOT DONE`,
  );

  const flags = [
    `${newTotal} new`,
    `${data.openIncidents.length} open incident(s)`,
    ...(data.serious.length ? [`${data.serious.length} serious`] : []),
    ...(canaryOk ? [] : ["canary NOT OK"]),
    ...(checkDone ? [] : ["check not done"]),
  ];
  return { subject: `[Sikkerhedsnet] Daily digest: ${flags.join(", ")}`, text: lines.join("\n") };
}
