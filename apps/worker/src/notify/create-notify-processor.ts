// The BullMQ face of the notify job: validates the payload (ids only), runs notifyFailure and
// maps its outcome: delay -> moveToDelayed, temporary SMTP failure -> retry with backoff,
// permanent -> UnrecoverableError (the notice is already marked failed and staff alerted).
import { AppError } from "@safetynet/core";
import { readPayload } from "@safetynet/queue";
import { DelayedError, type Job, UnrecoverableError } from "bullmq";
import { createNotifyContext, type NotifyDeps } from "./notify-context.js";
import { notifyFailure } from "./notify-failure.js";

export type NotifyProcessor = (job: Job, token?: string) => Promise<string>;

export function createNotifyProcessor(deps: NotifyDeps): NotifyProcessor {
  const ctx = createNotifyContext(deps);
  return async (job, token) => {
    const { failureId } = readPayload("notify", job.data);
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await notifyFailure(ctx, failureId, { finalAttempt });
    const log = ctx.logger?.child({ jobId: job.id, failureId });
    switch (outcome.kind) {
      case "done":
        log?.debug({ result: outcome.result }, "notify done");
        return outcome.result;
      case "delay":
        log?.debug({ why: outcome.why, until: outcome.until.toISOString() }, "notify delayed");
        await job.moveToDelayed(outcome.until.getTime(), token);
        throw new DelayedError();
      case "retry":
        log?.warn({ summary: outcome.summary, attempt: job.attemptsMade + 1 }, "notice refused for now: will retry");
        throw new AppError("SMTP_TRANSIENT", { message: outcome.summary });
      case "failed":
        throw new UnrecoverableError(outcome.summary);
    }
  };
}
