// Time alone changes incidents too: a pending one passes its group wait, a quiet one resolves.
// The sweep runs the same pure tick the ingest step runs, under the same fingerprint lock, and
// records its escalations in the outbox like the ingest step. It is also the outbox's backstop:
// events still unmarked a while after they were recorded (a worker died between commit and
// enqueue, and no retry came) are enqueued again. And it is the notice path's backstop: a live
// message with failures, parsed a while ago, that has no notice and told nobody gets its notify
// job again (a Redis that came back without its data had lost it; the job's id makes it a no-op
// while the first one is still queued or kept). And the supplier path's: an event whose escalate
// job never finished (IncidentEvent.handledAt) is enqueued again too, and so is the attempt of a
// dispatch long overdue (requeue-overdue-webhook-attempts.ts).
import { type GroupState, tickGroup, timeChangeCutoffs } from "@safetynet/classifier";
import {
  applyIncidentChanges,
  findIncidentsDue,
  loadFingerprintStates,
  loadUnescalatedIncidentEvents,
  loadUnnoticedMessages,
  lockFingerprints,
  preparedStatements,
  recordIncidentEvents,
  withSqlTransaction,
} from "@safetynet/db";
import { enqueueFollowUps, enqueueNotices } from "./enqueue-follow-ups.js";
import { toChanges, toIncidentState } from "./incident-mapping.js";
import type { Escalation, IngestContext } from "./ingest-context.js";
import { requeueOverdueWebhookAttempts } from "./requeue-overdue-webhook-attempts.js";

/** Longer than any ingest batch takes from its commit to its enqueue. */
export const OUTBOX_GRACE_SECONDS = 60;
/** How far back the notice backstop looks (it runs every sweep, so an hour is many chances). */
export const NOTICE_BACKSTOP_SECONDS = 3600;

export async function sweepIncidents(
  context: IngestContext,
  supplierIds: ReadonlySet<string>,
  now = Date.now(),
): Promise<Escalation[]> {
  const cutoffs = timeChangeCutoffs(now, context.settings);
  const fingerprints = await findIncidentsDue(context.db, {
    pendingFirstSeenBy: new Date(cutoffs.pendingFirstSeenBy),
    quietLastSeenBy: {
      systemic: new Date(cutoffs.quietLastSeenBy.systemic),
      pattern: new Date(cutoffs.quietLastSeenBy.pattern),
    },
  });
  const all: Escalation[] = await loadUnescalatedIncidentEvents(preparedStatements(context.sql), {
    olderThanSeconds: OUTBOX_GRACE_SECONDS,
  });
  for (const fingerprint of fingerprints) {
    const escalations = await withSqlTransaction(context.sql, async (tx) => {
      await lockFingerprints(tx, [fingerprint]);
      const rows = (
        await loadFingerprintStates(tx, { fingerprints: [fingerprint], senders: [], at: new Date(now) })
      ).get(fingerprint)!;
      if (!rows.latest) return [];
      const state: GroupState = {
        fingerprint,
        unattached: [],
        baseline: [],
        latest: toIncidentState(rows.latest),
        silences: rows.silences.map((d) => d.getTime()),
      };
      const ids = new Map([[rows.latest.key, rows.latest.id]]);
      const { changes, escalations } = toChanges(tickGroup(state, now, context.settings).effects, ids, supplierIds);
      await applyIncidentChanges(tx, changes);
      await recordIncidentEvents(
        tx,
        escalations.map((event) => ({ ...event, rawMessageId: null })),
      );
      return escalations;
    });
    all.push(...escalations);
  }
  if (all.length) await enqueueFollowUps(context, [], all);
  const unnoticed = await loadUnnoticedMessages(preparedStatements(context.sql), {
    olderThanSeconds: OUTBOX_GRACE_SECONDS,
    withinSeconds: NOTICE_BACKSTOP_SECONDS,
  });
  if (unnoticed.length)
    await enqueueNotices(
      context.queues.notify,
      unnoticed.map((failureId) => ({ failureIds: [failureId], escalations: [] })),
    );
  await requeueOverdueWebhookAttempts(context, OUTBOX_GRACE_SECONDS);
  return all;
}
