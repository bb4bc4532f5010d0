// Turns what the watch job observed into one condition per alarm key: firing, or the message
// that says its cause is gone. Pure: the same observations and `now` give the same conditions.
import { formatDuration } from "./format-duration.js";
import type {
  AlarmCondition,
  AlarmObservations,
  AlarmSettings,
  CanaryObservation,
  MailboxObservation,
  QueueObservation,
} from "./types.js";

const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

function canaryCondition(canary: CanaryObservation, now: Date, settings: AlarmSettings): AlarmCondition | null {
  if (!canary.enabled) return null;
  const runs = [...canary.runs].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  const returned = runs.filter((run) => run.returnedAt);
  const lastReturned = returned[returned.length - 1] ?? null;
  // Late: past the deadline with no NDR, and no later probe has come back since (that one
  // proves the chain works again; a single lost NDR then needs no more attention).
  const late = runs.filter(
    (run) =>
      !run.returnedAt &&
      run.sentAt.getTime() + settings.canaryDeadlineMs <= now.getTime() &&
      (!lastReturned || run.sentAt > lastReturned.sentAt),
  );
  const latest = runs[runs.length - 1] ?? null;
  const quietSince = latest?.sentAt ?? canary.watchingSince;
  const missing = now.getTime() - quietSince.getTime() > settings.canaryIntervalMs + settings.canaryDeadlineMs;
  const base = { key: "canary", kind: "canary" as const };
  if (late.length) {
    const first = late[0]!;
    return {
      ...base,
      firing: true,
      message: `Canary late: the NDR of the probe sent ${iso(first.sentAt)} has not come back within ${formatDuration(settings.canaryDeadlineMs)} (${late.length} probe(s) without an NDR). The path from CANARY_SMTP_URL through the DLP filter to the safety-net mailbox may be broken.`,
      detail: { lateProbes: late.length, firstLateProbe: first.probeId, firstLateSentAt: iso(first.sentAt) },
    };
  }
  if (missing) {
    return {
      ...base,
      firing: true,
      message: `Canary missing: no probe has been sent since ${iso(quietSince)} (expected one every ${formatDuration(settings.canaryIntervalMs)}). Is the worker's canary schedule running?`,
      detail: { lastProbeSentAt: latest ? iso(latest.sentAt) : null },
    };
  }
  return {
    ...base,
    firing: false,
    message: lastReturned
      ? `Canary back: the NDR of the probe sent ${iso(lastReturned.sentAt)} came back after ${formatDuration(lastReturned.returnedAt!.getTime() - lastReturned.sentAt.getTime())}.`
      : "Canary: no probe is overdue.",
  };
}

function mailboxConditions(mailbox: MailboxObservation, now: Date, settings: AlarmSettings): AlarmCondition[] {
  const label = `mailbox "${mailbox.name}"`;
  const conditions: AlarmCondition[] = [];
  const authFailed = mailbox.status === "auth_failed";
  conditions.push({
    key: `mailbox-auth:${mailbox.id}`,
    kind: "mailbox-auth",
    firing: authFailed,
    message: authFailed
      ? `IMAP login refused for ${label}: the poller has stopped for it until an operator fixes the credentials and sets it active.`
      : `IMAP login for ${label} works again.`,
    detail: { mailboxId: mailbox.id },
  });
  const downFor = mailbox.disconnectedSince ? now.getTime() - mailbox.disconnectedSince.getTime() : 0;
  const disconnected = !authFailed && mailbox.status === "active" && downFor > settings.disconnectedAfterMs;
  conditions.push({
    key: `poller-disconnected:${mailbox.id}`,
    kind: "poller-disconnected",
    firing: disconnected,
    message: disconnected
      ? `Poller disconnected from ${label} for ${formatDuration(downFor)} (since ${iso(mailbox.disconnectedSince!)}); it keeps retrying with backoff.`
      : `Poller connected to ${label} again.`,
    detail: { mailboxId: mailbox.id },
  });
  const threshold = Math.max(settings.silenceFloorMs, (mailbox.usualGapMs ?? 0) * settings.silenceFactor);
  const quietFor = mailbox.lastMessageAt ? now.getTime() - mailbox.lastMessageAt.getTime() : 0;
  const silent = mailbox.status === "active" && mailbox.lastMessageAt !== null && quietFor > threshold;
  conditions.push({
    key: `mailbox-silent:${mailbox.id}`,
    kind: "mailbox-silent",
    firing: silent,
    message: silent
      ? `${label} silent for ${formatDuration(quietFor)} (last message ${iso(mailbox.lastMessageAt!)}); its usual longest gap is ${mailbox.usualGapMs === null ? "not learned yet" : formatDuration(mailbox.usualGapMs)}, the alarm threshold ${formatDuration(threshold)}. Are NDRs still routed to it?`
      : `${label} receives mail again.`,
    detail: { mailboxId: mailbox.id, thresholdMs: threshold, usualGapMs: mailbox.usualGapMs },
  });
  return conditions;
}

function queueCondition(queue: QueueObservation, now: Date, settings: AlarmSettings): AlarmCondition {
  const age = queue.oldestWaitingAt ? now.getTime() - queue.oldestWaitingAt.getTime() : 0;
  const backlog = queue.waiting >= settings.queueBacklog;
  const old = age > settings.queueAgeMs;
  return {
    key: `queue-backlog:${queue.name}`,
    kind: "queue-backlog",
    firing: backlog || old,
    message:
      backlog || old
        ? `Queue "${queue.name}" backs up: ${queue.waiting} job(s) waiting, the oldest for ${formatDuration(age)} (limits ${settings.queueBacklog} jobs, ${formatDuration(settings.queueAgeMs)}). Are the workers running?`
        : `Queue "${queue.name}" keeps up again (${queue.waiting} waiting).`,
    detail: { queue: queue.name, waiting: queue.waiting, oldestAgeMs: age },
  };
}

export function buildAlarmConditions(
  observations: AlarmObservations,
  now: Date,
  settings: AlarmSettings,
): AlarmCondition[] {
  const conditions: AlarmCondition[] = [];
  const canary = canaryCondition(observations.canary, now, settings);
  if (canary) conditions.push(canary);
  for (const mailbox of observations.mailboxes) conditions.push(...mailboxConditions(mailbox, now, settings));
  for (const queue of observations.queues) conditions.push(queueCondition(queue, now, settings));
  const { count, latestAt } = observations.failedNotices;
  conditions.push({
    key: "notice-failures",
    kind: "notice-failures",
    firing: count > 0,
    message:
      count > 0
        ? `${count} sender notice(s) could not be delivered in the last 24 h (latest ${iso(latestAt!)}): those caseworkers do not know their mail failed. See the notices with status failed.`
        : "Sender notices are delivered again (none failed in the last 24 h).",
    detail: { failedNotices: count },
  });
  for (const endpoint of observations.disabledEndpoints) {
    conditions.push({
      key: `webhook-endpoint-disabled:${endpoint.id}`,
      kind: "webhook-endpoint-disabled",
      firing: true,
      message: `Webhook endpoint ${endpoint.id} of supplier "${endpoint.supplierId}" is disabled: incidents are not escalated to it.`,
      detail: { endpointId: endpoint.id, supplierId: endpoint.supplierId },
    });
  }
  return conditions;
}
