// One attempt of one dispatch: sign (both secrets during a rotation), send through the guard,
// decide from the answer (packages/webhooks), record the attempt and the decision in one
// transaction, then put the next attempt on the queue, delayed. A job that finds its attempt
// already recorded (a re-run after a crash) only makes sure the next one is queued.
import {
  abandonWebhookDispatch,
  loadWebhookDispatch,
  recordWebhookAttempt,
  type WebhookDispatchRow,
} from "@safetynet/db";
import { enqueueWebhookAttempt, type JobPayload } from "@safetynet/queue";
import { decideDeliveryOutcome, sendWebhook, signWebhook } from "@safetynet/webhooks";

import type { EscalateContext } from "./escalate-context.js";

export type DeliverResult =
  | { kind: "attempted"; succeeded: boolean; httpStatus: number | null; next: "done" | "retry" | "give-up" }
  | { kind: "skipped"; why: "dispatch-gone" | "not-due" | "endpoint-disabled" };

async function requeueNext(ctx: EscalateContext, dispatch: WebhookDispatchRow, now: Date): Promise<void> {
  if (dispatch.status !== "pending") return;
  const delay = dispatch.nextAttemptAt ? dispatch.nextAttemptAt.getTime() - now.getTime() : 0;
  await enqueueWebhookAttempt(ctx.webhooks, dispatch.id, dispatch.attempts + 1, delay);
}

export async function deliverAttempt(
  ctx: EscalateContext,
  payload: JobPayload<"deliverWebhook">,
): Promise<DeliverResult> {
  const now = ctx.clock?.() ?? new Date();
  const dispatch = await loadWebhookDispatch(ctx.db, payload.dispatchId, now);
  if (!dispatch) return { kind: "skipped", why: "dispatch-gone" };
  if (dispatch.attempts >= payload.attempt) {
    await requeueNext(ctx, dispatch, now);
    return { kind: "skipped", why: "not-due" };
  }
  if (dispatch.status !== "pending" || payload.attempt !== dispatch.attempts + 1) {
    return { kind: "skipped", why: "not-due" };
  }
  if (!dispatch.endpoint.active) {
    await abandonWebhookDispatch(ctx.db, dispatch.id);
    return { kind: "skipped", why: "endpoint-disabled" };
  }
  const { message, endpoint } = dispatch;
  const headers = signWebhook({ id: message.id, at: now, body: message.body, secrets: endpoint.secrets });
  const sent = await sendWebhook(
    { url: endpoint.url, body: message.body, headers },
    {
      allowHosts: ctx.allowHosts,
      ...(ctx.resolve ? { resolve: ctx.resolve } : {}),
      ...(ctx.timeoutMs ? { timeoutMs: ctx.timeoutMs } : {}),
    },
  );
  const decidedAt = ctx.clock?.() ?? new Date();
  const outcome = decideDeliveryOutcome({
    attempt: payload.attempt,
    httpStatus: sent.httpStatus,
    retryAfterMs: sent.retryAfterMs,
    now: decidedAt,
    failingSince: endpoint.failingSince,
    ...(ctx.random ? { random: ctx.random } : {}),
  });
  const { recorded, disabled } = await recordWebhookAttempt(ctx.db, {
    dispatchId: dispatch.id,
    endpointId: endpoint.id,
    incidentId: message.incidentId,
    eventId: message.id,
    eventType: message.type,
    attempt: payload.attempt,
    at: decidedAt,
    succeeded: outcome.succeeded,
    httpStatus: sent.httpStatus,
    error: sent.error,
    durationMs: sent.durationMs,
    responseBody: sent.responseBody,
    next: outcome.next,
    endpoint: outcome.endpoint,
  });
  const log = ctx.log.child({ dispatchId: dispatch.id, eventId: message.id, endpointId: endpoint.id });
  if (disabled) log.warn({ reason: outcome.endpoint.disable }, "webhook endpoint disabled: staff alerted");
  if (recorded && outcome.next.kind === "retry") {
    await enqueueWebhookAttempt(
      ctx.webhooks,
      dispatch.id,
      payload.attempt + 1,
      outcome.next.at.getTime() - decidedAt.getTime(),
    );
  }
  log.info(
    { attempt: payload.attempt, httpStatus: sent.httpStatus, durationMs: sent.durationMs, next: outcome.next.kind },
    outcome.succeeded ? "webhook delivered" : "webhook attempt failed",
  );
  return { kind: "attempted", succeeded: outcome.succeeded, httpStatus: sent.httpStatus, next: outcome.next.kind };
}
