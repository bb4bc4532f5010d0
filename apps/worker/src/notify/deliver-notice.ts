// One notice's way out: skip what is settled, wait out another worker's claim, hold for a digest,
// respect the domain rate limit, then record-before (claim), send, record-after (sent). A notice
// claimed where it was recorded (upsertPendingNotices, the common case) goes straight to sending.
import {
  claimHeldNotices,
  claimNotice,
  holdNotice,
  loadFailuresByIds,
  markNoticesFailed,
  markNoticesSent,
  type NoticeFailureRow,
  type NoticeRow,
  type PendingNotice,
  releaseNoticeClaims,
} from "@safetynet/db";
import {
  type Audience,
  classifySmtpError,
  composeNotice,
  type DigestDecision,
  decideDigest,
  domainOf,
  noticeMessageId,
} from "@safetynet/notify";
import { buildFailedMails } from "./build-failed-mails.js";
import type { NoticeOutcome, NotifyContext } from "./notify-context.js";

export interface DeliveryPlan {
  notice: PendingNotice;
  audience: Audience;
  /** The failures of this original message the notice tells about. */
  failures: (NoticeFailureRow & { rawMessageId: string })[];
  /** The job's last attempt: a temporary SMTP failure now gives up instead of retrying. */
  finalAttempt: boolean;
}

async function settleInterrupted(ctx: NotifyContext, notice: NoticeRow, now: Date): Promise<NoticeOutcome> {
  const expires = new Date((notice.claimedAt?.getTime() ?? 0) + ctx.sendingLeaseMs);
  // A live worker may be inside the SMTP transaction right now: wait for its lease to run out.
  if (now < expires) return { kind: "delay", until: expires, why: "claimed" };
  // The claimer died between claim and record-after: whether the server accepted is unknown.
  // Sending again could duplicate an accepted notice, so give up and tell staff instead.
  await markNoticesFailed(ctx.db, [notice.id], "interrupted: delivery uncertain", {
    id: `notice-uncertain-${notice.id}`,
    action: "notice.uncertain",
    target: notice.id,
    detail: { noticeId: notice.id, rawMessageId: notice.rawMessageId, smtpMessageId: notice.smtpMessageId },
  });
  ctx.logger?.warn(
    { noticeId: notice.id },
    "notice left in sending by a stopped worker: marked uncertain, staff alerted",
  );
  return { kind: "done", result: "uncertain" };
}

async function recordSent(
  ctx: NotifyContext,
  noticeIds: string[],
  failureIds: string[],
  recipient: string,
): Promise<void> {
  // The server has accepted: a database hiccup here must not turn into "uncertain", so retry briefly.
  for (let attempt = 1; ; attempt++) {
    try {
      return await markNoticesSent(ctx.sql, noticeIds, failureIds, recipient, ctx.clock());
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export async function deliverNotice(ctx: NotifyContext, plan: DeliveryPlan): Promise<NoticeOutcome> {
  const { notice } = plan;
  const now = ctx.clock();
  if (notice.status === "sent" || notice.status === "failed" || notice.status === "suppressed")
    return { kind: "done", result: notice.status };
  if (notice.status === "sending" && !notice.claimedNow) return settleInterrupted(ctx, notice, now);

  let decision: DigestDecision = { action: "send-now" };
  let claimed: NoticeRow[] = [notice];
  let failures = plan.failures;
  let messageId = notice.smtpMessageId ?? noticeMessageId(notice.id, ctx.config.NOTICE_FROM);
  if (!notice.claimedNow) {
    decision = decideDigest({
      now,
      windowMinutes: ctx.config.NOTICE_DIGEST_MINUTES,
      threshold: ctx.config.NOTICE_DIGEST_THRESHOLD,
      holdUntil: notice.holdUntil,
      recentCount: notice.recentCount,
      pendingHoldUntil: notice.pendingHoldUntil,
    });
    if (decision.action === "hold") {
      const until = notice.holdUntil ?? (await holdNotice(ctx.db, notice.id, decision.until));
      return { kind: "delay", until, why: "digest" };
    }
    const waitMs = await ctx.rateLimiter.take(domainOf(notice.recipient) ?? "");
    if (waitMs > 0) return { kind: "delay", until: new Date(now.getTime() + waitMs), why: "rate-limit" };
    messageId = noticeMessageId(notice.id, ctx.config.NOTICE_FROM);
    if (decision.action === "send-digest") {
      claimed = await claimHeldNotices(ctx.db, notice.recipient, messageId, now);
      if (claimed.length === 0) return { kind: "done", result: "claimed-elsewhere" };
      failures = await loadFailuresByIds(
        ctx.db,
        claimed.flatMap((row) => row.failureIds),
      );
    } else if (!(await claimNotice(ctx.sql, notice.id, messageId, now))) {
      return { kind: "done", result: "claimed-elsewhere" };
    }
  }
  const noticeIds = claimed.map((row) => row.id);
  await ctx.hooks.afterClaim?.();

  const composed = composeNotice({ audience: plan.audience, mails: buildFailedMails(failures), contact: ctx.contact });
  try {
    await ctx.transport.send({
      noticeId: notice.id,
      to: notice.recipient,
      messageId,
      language: plan.audience.language,
      composed,
    });
  } catch (error) {
    const failure = classifySmtpError(error);
    if (failure.kind === "transient" && !plan.finalAttempt) {
      await releaseNoticeClaims(ctx.db, noticeIds, failure.summary);
      return { kind: "retry", summary: failure.summary };
    }
    await markNoticesFailed(ctx.db, noticeIds, failure.summary, {
      id: `notice-failed-${notice.id}`,
      action: "notice.failed",
      target: notice.id,
      detail: {
        noticeIds,
        rawMessageId: notice.rawMessageId,
        responseCode: failure.responseCode,
        summary: failure.summary,
      },
    });
    ctx.logger?.error(
      { noticeId: notice.id, responseCode: failure.responseCode },
      "notice refused permanently: staff alerted",
    );
    return { kind: "failed", summary: failure.summary };
  }
  await ctx.hooks.afterAccept?.();
  await recordSent(
    ctx,
    noticeIds,
    failures.map((row) => row.id),
    notice.recipient,
  );
  // The recipient is staff (a sender in INTERNAL_DOMAINS, a manager or the team mailbox), never a citizen.
  ctx.logger?.info(
    { noticeId: notice.id, rawMessageId: notice.rawMessageId, failures: failures.length },
    `notice sent to ${notice.recipient}`,
  );
  return { kind: "done", result: claimed.length > 1 ? `sent-digest-${claimed.length}` : "sent" };
}
