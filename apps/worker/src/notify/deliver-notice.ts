// One notice's way out: skip what is settled, recover a dead worker's claim, hold for a digest,
// respect the rate limit, then record-before (claim), record the DATA phase, send, record-after
// (sent). A notice claimed where it was recorded (upsertPendingNotices, the common case) goes
// straight to sending.
import {
  claimHeldNotices,
  claimNotice,
  holdNotice,
  holdUncertainNotices,
  loadFailuresByIds,
  markNoticesDataStarted,
  markNoticesFailed,
  markNoticesSent,
  type NoticeFailureRow,
  type NoticeRow,
  type PendingNotice,
  reclaimInterruptedNotices,
  recordNoticeAlert,
  releaseNoticeClaims,
} from "@safetynet/db";
import {
  type Audience,
  classifySmtpError,
  composeNotice,
  type DigestDecision,
  decideDigest,
  noticeMessageId,
} from "@safetynet/notify";
import { buildFailedMails } from "./build-failed-mails.js";
import type { NoticeOutcome, NotifyContext } from "./notify-context.js";

/** How soon a job that found its notice claimed by another looks again. */
const CLAIM_RECHECK_MS = 2_000;

export interface DeliveryPlan {
  notice: PendingNotice;
  audience: Audience;
  /** The failures of this original message the notice tells about. */
  failures: (NoticeFailureRow & { rawMessageId: string })[];
  /** The job's last attempt: a temporary SMTP failure now gives up instead of retrying. */
  finalAttempt: boolean;
}

/**
 * A notice another worker claimed and never finished. While its lease runs, that worker may be
 * alive and sending: wait. After it, the worker is gone. If it had not begun DATA the server never
 * had the notice: send it again. If it was inside DATA the server may have accepted: with
 * NOTICE_ON_UNCERTAIN=resend send it again with the same Message-ID, marked and counted as a
 * possible repeat (a second copy is a small cost, a missing one is the incident); with `hold`,
 * leave it `uncertain` for staff.
 */
async function recoverInterrupted(ctx: NotifyContext, plan: DeliveryPlan, now: Date): Promise<NoticeOutcome> {
  const { notice } = plan;
  const expires = new Date((notice.claimedAt?.getTime() ?? 0) + ctx.sendingLeaseMs);
  // Usually the claimer is alive and done within milliseconds (a digest's siblings wake while it
  // sends): look again soon rather than at the end of the lease.
  if (now < expires)
    return {
      kind: "delay",
      until: new Date(Math.min(expires.getTime(), now.getTime() + CLAIM_RECHECK_MS)),
      why: "claimed",
    };
  const messageId = notice.smtpMessageId ?? noticeMessageId(notice.id, ctx.config.NOTICE_FROM);
  const claimedBefore = new Date(now.getTime() - ctx.sendingLeaseMs);
  const resend = ctx.config.NOTICE_ON_UNCERTAIN === "resend";
  if (!resend) {
    const held = await holdUncertainNotices(ctx.db, messageId, claimedBefore, {
      id: `notice-uncertain-${notice.id}`,
      action: "notice.uncertain",
      target: notice.id,
      detail: { rawMessageId: notice.rawMessageId, smtpMessageId: messageId },
    });
    if (held.length)
      ctx.logger?.warn({ noticeId: notice.id }, "notice cut off inside DATA by a stopped worker: held for staff");
  }
  const claimed = await reclaimInterruptedNotices(ctx.sql, {
    smtpMessageId: messageId,
    claimedBefore,
    now,
    includeInData: resend,
  });
  if (claimed.length === 0) return { kind: "done", result: resend ? "claimed-elsewhere" : "uncertain-held" };
  const possibleRepeat = claimed.some((row) => row.mayRepeat);
  if (claimed.some((row) => row.wasInData)) {
    const failureIds = claimed.flatMap((row) => row.failureIds);
    await recordNoticeAlert(ctx.db, {
      id: `notice-repeat-${notice.id}-${claimed[0]!.attempts}`,
      action: "notice.possible-duplicate",
      target: notice.id,
      detail: { noticeIds: claimed.map((row) => row.id), rawMessageId: notice.rawMessageId, failureIds },
    });
    ctx.logger?.warn(
      { noticeId: notice.id },
      "notice cut off inside DATA by a stopped worker: sent again as a possible repeat",
    );
  }
  const single = claimed.length === 1 && claimed[0]!.id === notice.id;
  const failures = single
    ? plan.failures
    : await loadFailuresByIds(
        ctx.db,
        claimed.flatMap((row) => row.failureIds),
      );
  return sendClaimed(ctx, plan, { claimed, claimedAt: now, failures, messageId, possibleRepeat });
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

interface Claim {
  claimed: NoticeRow[];
  /** The claim's timestamp as stored: the DATA record and a release only touch this claim. */
  claimedAt: Date;
  failures: DeliveryPlan["failures"];
  messageId: string;
  possibleRepeat: boolean;
}

/** Claim in hand: compose, record the DATA phase when the server is ready for it, send, record after. */
async function sendClaimed(ctx: NotifyContext, plan: DeliveryPlan, claim: Claim): Promise<NoticeOutcome> {
  const { notice } = plan;
  const noticeIds = claim.claimed.map((row) => row.id);
  let dataBegun = false;
  let accepted = false;
  await ctx.hooks.afterClaim?.();
  const composed = composeNotice({
    audience: plan.audience,
    mails: buildFailedMails(claim.failures),
    contact: ctx.contact,
  });
  try {
    await ctx.transport.send(
      {
        noticeId: notice.id,
        to: notice.recipient,
        messageId: claim.messageId,
        language: plan.audience.language,
        composed,
        possibleRepeat: claim.possibleRepeat,
      },
      {
        onDataStart: async () => {
          if (!(await markNoticesDataStarted(ctx.sql, noticeIds, claim.claimedAt, ctx.clock())))
            throw Object.assign(new Error("notice claim taken over"), { code: "ECLAIMLOST" });
          dataBegun = true;
          await ctx.hooks.afterDataStart?.();
        },
        // Recorded before the notice leaves the DATA window (NOTICE_DATA_WINDOW bounds the copies a
        // crash can cause only if accepted-but-unrecorded notices count in it).
        onAccepted: async () => {
          accepted = true;
          await ctx.hooks.afterAccept?.();
          await recordSent(
            ctx,
            noticeIds,
            claim.failures.map((row) => row.id),
            notice.recipient,
          );
        },
      },
    );
  } catch (error) {
    // The server has the notice; only its record failed (after retries): the job fails and its
    // retry finds the claim with its DATA record, as after a crash.
    if (accepted) throw error;
    const failure = classifySmtpError(error);
    // A network fault after the bytes began (no reply to the end of DATA) leaves the delivery
    // uncertain, like a crash: the claim stays, with its DATA record, and the retry goes through
    // recoverInterrupted (a resend marked as a possible repeat, or held). A reply code is certain.
    if (dataBegun && failure.responseCode === null && !plan.finalAttempt)
      return { kind: "retry", summary: failure.summary };
    if (failure.kind === "transient" && !plan.finalAttempt) {
      await releaseNoticeClaims(ctx.db, noticeIds, claim.claimedAt, failure.summary);
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
  // The recipient is staff (a sender in INTERNAL_DOMAINS, a manager or the team mailbox), never a citizen.
  ctx.logger?.info(
    { noticeId: notice.id, rawMessageId: notice.rawMessageId, failures: claim.failures.length },
    `notice sent to ${notice.recipient}`,
  );
  if (claim.claimed.length > 1) return { kind: "done", result: `sent-digest-${claim.claimed.length}` };
  return { kind: "done", result: claim.possibleRepeat ? "sent-again" : "sent" };
}

export async function deliverNotice(ctx: NotifyContext, plan: DeliveryPlan): Promise<NoticeOutcome> {
  const { notice } = plan;
  const now = ctx.clock();
  if (notice.status !== "pending" && notice.status !== "sending") return { kind: "done", result: notice.status };
  if (notice.status === "sending" && !notice.claimedNow) return recoverInterrupted(ctx, plan, now);
  if (notice.claimedNow) {
    const messageId = notice.smtpMessageId ?? noticeMessageId(notice.id, ctx.config.NOTICE_FROM);
    const claimedAt = notice.claimedAt ?? now;
    return sendClaimed(ctx, plan, {
      claimed: [notice],
      claimedAt,
      failures: plan.failures,
      messageId,
      possibleRepeat: false,
    });
  }

  const decision: DigestDecision = decideDigest({
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
  const waitMs = await ctx.rateLimiter.take();
  if (waitMs > 0) return { kind: "delay", until: new Date(now.getTime() + waitMs), why: "rate-limit" };
  const messageId = noticeMessageId(notice.id, ctx.config.NOTICE_FROM);
  if (decision.action === "send-digest") {
    const claimed = await claimHeldNotices(ctx.db, notice.recipient, messageId, now);
    if (claimed.length === 0) return { kind: "done", result: "claimed-elsewhere" };
    const failures = await loadFailuresByIds(
      ctx.db,
      claimed.flatMap((row) => row.failureIds),
    );
    return sendClaimed(ctx, plan, { claimed, claimedAt: now, failures, messageId, possibleRepeat: false });
  }
  if (!(await claimNotice(ctx.sql, notice.id, messageId, now))) return { kind: "done", result: "claimed-elsewhere" };
  return sendClaimed(ctx, plan, {
    claimed: [notice],
    claimedAt: now,
    failures: plan.failures,
    messageId,
    possibleRepeat: false,
  });
}
