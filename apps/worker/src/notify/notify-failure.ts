// The notify job for one failure: load every failure of its original message, drop back-filled
// history and bounces of our own notices, route, record the notices, then deliver each one.

import { randomUUID } from "node:crypto";
import {
  holdNotice,
  loadNoticeContext,
  type NoticeFailureRow,
  type PendingNotice,
  recordNoticeAlert,
  upsertPendingNotices,
} from "@safetynet/db";
import {
  decideDigest,
  decideRouting,
  noticeIdFromMessageId,
  noticeMessageId,
  type RoutedAudience,
} from "@safetynet/notify";
import { deliverNotice } from "./deliver-notice.js";
import type { NoticeOutcome, NotifyContext } from "./notify-context.js";

function isOwnNotice(failure: NoticeFailureRow, noticeFrom: string): boolean {
  return (
    noticeIdFromMessageId(failure.originalMessageId) !== null ||
    failure.originalSender?.toLowerCase() === noticeFrom.toLowerCase()
  );
}

function templateName(audience: RoutedAudience, failures: NoticeFailureRow[]): string {
  const causes = [...new Set(audience.failureIndexes.map((index) => failures[index]!.cause))].sort();
  const systemic = audience.failureIndexes.some((index) => failures[index]!.scope === "systemic");
  return `${audience.role}:${systemic ? "systemic" : causes.join("+")}`;
}

/** Combine per-notice outcomes: retry beats delay beats failed beats done. */
function combine(outcomes: NoticeOutcome[]): NoticeOutcome {
  const retry = outcomes.find((o) => o.kind === "retry");
  if (retry) return retry;
  const delays = outcomes.filter((o): o is Extract<NoticeOutcome, { kind: "delay" }> => o.kind === "delay");
  if (delays.length) return delays.reduce((a, b) => (a.until <= b.until ? a : b));
  const failed = outcomes.find((o) => o.kind === "failed");
  if (failed) return failed;
  return {
    kind: "done",
    result: outcomes.map((o) => (o.kind === "done" ? o.result : o.kind)).join(",") || "nobody-to-tell",
  };
}

export async function notifyFailure(
  ctx: NotifyContext,
  failureId: string,
  options: { finalAttempt: boolean },
): Promise<NoticeOutcome> {
  const loaded = await loadNoticeContext(ctx.sql, failureId);
  if (!loaded) return { kind: "done", result: "failure-missing" };
  // Back-filled history is classified and reported, never notified: staff decide whom to contact.
  if (loaded.source === "import" || loaded.backfilled) return { kind: "done", result: "backfill" };

  const own = loaded.failures.filter((failure) => isOwnNotice(failure, ctx.config.NOTICE_FROM));
  if (own.length) {
    const noticeId = noticeIdFromMessageId(own[0]!.originalMessageId);
    await recordNoticeAlert(ctx.db, {
      id: `notice-bounced-${loaded.rawMessageId}`,
      action: "notice.bounced",
      target: noticeId ?? loaded.rawMessageId,
      detail: { rawMessageId: loaded.rawMessageId, noticeId, failureIds: own.map((f) => f.id) },
    });
  }
  const failures = loaded.failures.filter((failure) => !own.includes(failure));
  if (failures.length === 0) return { kind: "done", result: own.length ? "bounce-of-notice" : "nothing" };

  const routing = decideRouting({
    failures,
    internalDomains: ctx.config.INTERNAL_DOMAINS,
    directoryLoaded: loaded.directoryLoaded,
    directory: loaded.directory,
    teamMailbox: ctx.config.TEAM_MAILBOX ?? null,
  });
  if (routing.unrouted.length) {
    await recordNoticeAlert(ctx.db, {
      id: `notice-unrouted-${loaded.rawMessageId}`,
      action: "notice.unrouted",
      target: loaded.rawMessageId,
      detail: { rawMessageId: loaded.rawMessageId, failureIds: routing.unrouted.map((index) => failures[index]!.id) },
    });
  }
  if (routing.audiences.length === 0) return { kind: "done", result: "nobody-to-tell" };
  const notices = await ctx.perPerson.run(
    routing.audiences.map((audience) => audience.address.toLowerCase()),
    () => recordNotices(ctx, loaded.rawMessageId, failures, routing.audiences),
  );
  const outcomes: NoticeOutcome[] = [];
  for (const audience of routing.audiences) {
    const notice = notices.find((row) => row.recipient === audience.address);
    if (!notice) continue;
    const mine = audience.failureIndexes.map((index) => ({ ...failures[index]!, rawMessageId: loaded.rawMessageId }));
    outcomes.push(await deliverNotice(ctx, { notice, audience, failures: mine, finalAttempt: options.finalAttempt }));
  }
  return combine(outcomes);
}

/**
 * Records this message's notices and, for one that may not go at once, its digest hold. Runs
 * under the per-person lock: the next notice to the same person sees this one and its hold.
 */
async function recordNotices(
  ctx: NotifyContext,
  rawMessageId: string,
  failures: NoticeFailureRow[],
  audiences: RoutedAudience[],
): Promise<PendingNotice[]> {
  // A rate-limit token is taken up front, so a new notice can be claimed in the statement that
  // records it; a token not used (the notice was held, or existed already) is given back.
  const tokens = await Promise.all(audiences.map(async () => (await ctx.rateLimiter.take()) === 0));
  const notices = await upsertPendingNotices(
    ctx.sql,
    rawMessageId,
    failures[0]!.originalMessageId,
    audiences.map((audience, index) => {
      const id = randomUUID();
      return {
        id,
        smtpMessageId: noticeMessageId(id, ctx.config.NOTICE_FROM),
        recipient: audience.address,
        recipientRole: audience.role,
        template: templateName(audience, failures),
        language: audience.language,
        failureIds: audience.failureIndexes.map((i) => failures[i]!.id),
        mayClaim: tokens[index]!,
      };
    }),
    { windowSeconds: ctx.config.NOTICE_DIGEST_MINUTES * 60, threshold: ctx.config.NOTICE_DIGEST_THRESHOLD },
  );
  await Promise.all(
    audiences.map(async (audience, index) => {
      const row = notices.find((notice) => notice.recipient === audience.address);
      if (tokens[index] && !row?.claimedNow) await ctx.rateLimiter.refund();
    }),
  );
  const now = ctx.clock();
  for (const notice of notices) {
    if (notice.claimedNow || notice.status !== "pending" || notice.holdUntil) continue;
    const decision = decideDigest({
      now,
      windowMinutes: ctx.config.NOTICE_DIGEST_MINUTES,
      threshold: ctx.config.NOTICE_DIGEST_THRESHOLD,
      holdUntil: null,
      recentCount: notice.recentCount,
      pendingHoldUntil: notice.pendingHoldUntil,
    });
    if (decision.action === "hold") notice.holdUntil = await holdNotice(ctx.db, notice.id, decision.until);
  }
  return notices;
}
