// Inside one transaction for a batch of messages: lock their fingerprints, load each one's state
// once, record the failure rows, run the pure grouping step over the failures in arrival order
// (exactly as the classify command does), and write what it decided.
import {
  baselineRanges,
  type ClassifiedFailure,
  type GroupEffect,
  type GroupSettings,
  type GroupState,
  groupFailure,
  isStillRunning,
  lookbackMs,
  toGroupInput,
} from "@safetynet/classifier";
import {
  applyIncidentChanges,
  countBaselineFailures,
  loadFingerprintStates,
  loadUnattachedFailures,
  lockFingerprints,
  type NewFailure,
  recordFailures,
  recordIncidentEvents,
  type SqlClient,
} from "@safetynet/db";
import { toChanges, toIncidentState } from "./incident-mapping.js";
import type { Escalation } from "./ingest-context.js";

export interface PreparedFailure {
  row: NewFailure;
  classified: ClassifiedFailure;
}

/** One message ready for the transaction: failures of a message share its event time and origin. */
export interface PreparedMessage {
  messageId: string;
  kind: string;
  /** Event time: the NDR's Date header (as the classify command orders messages). */
  at: number;
  live: boolean;
  failures: PreparedFailure[];
}

export interface GroupOptions {
  settings: GroupSettings;
  supplierIds: ReadonlySet<string>;
}

interface Step {
  message: PreparedMessage;
  failure: PreparedFailure;
  order: number;
}

export async function groupBatch(
  tx: SqlClient,
  messages: readonly PreparedMessage[],
  options: GroupOptions,
): Promise<{ failureIds: Map<string, string[]>; escalations: Map<string, Escalation[]> }> {
  const steps: Step[] = [];
  for (const message of messages) {
    for (const failure of message.failures) {
      // A mistake nobody else can make the same way (a mistyped domain) needs no state and no lock.
      if (failure.classified.nature !== "individual" || failure.classified.patternable)
        steps.push({ message, failure, order: steps.length });
    }
  }
  steps.sort((a, b) => a.message.at - b.message.at || a.order - b.order);
  const fingerprints = [...new Set(steps.map((step) => step.failure.classified.fingerprint))];
  await lockFingerprints(tx, fingerprints);

  // State first: the failures about to be recorded must not count as "unattached" twice.
  const ids = new Map<string, string>();
  const states = await loadStates(tx, steps, fingerprints, options.settings, ids);

  const effects: GroupEffect[] = [];
  /** The message whose failure raised each escalation, in the order of the escalate effects. */
  const escalationOwners: string[] = [];
  for (const step of steps) {
    const fingerprint = step.failure.classified.fingerprint;
    const input = toGroupInput(step.failure.classified, step.failure.row.id, step.message.at, step.message.live);
    const result = groupFailure(states.get(fingerprint)!, input, options.settings);
    states.set(fingerprint, result.state);
    for (const effect of result.effects) {
      if (effect.type === "escalate") escalationOwners.push(step.message.messageId);
      effects.push(effect);
    }
  }
  const { changes, escalations: escalated } = toChanges(effects, ids, options.supplierIds);
  // This batch's failures are written already attached; only earlier ones need an UPDATE.
  const rows = new Map(
    messages.flatMap((message) => message.failures.map((failure) => [failure.row.id, failure.row] as const)),
  );
  const attachLater = new Map<string, { incidentId: string; scope: "individual" | "systemic" }>();
  changes.attachments = changes.attachments.map((attachment) => {
    for (const id of attachment.failureIds) if (rows.has(id)) attachLater.set(id, attachment);
    return { ...attachment, failureIds: attachment.failureIds.filter((id) => !rows.has(id)) };
  });
  await applyIncidentChanges(tx, changes);
  await recordFailures(
    tx,
    [...rows.values()].map((row) => {
      const attachment = attachLater.get(row.id);
      return attachment ? { ...row, incidentId: attachment.incidentId, scope: attachment.scope } : row;
    }),
  );

  const failureIds = new Map(
    messages.map((message) => [message.messageId, message.failures.map((failure) => failure.row.id)]),
  );
  // Back-filled history is never escalated; live events go to the outbox before the commit.
  const live = new Set(messages.filter((message) => message.live).map((message) => message.messageId));
  const escalations = new Map<string, Escalation[]>(messages.map((message) => [message.messageId, []]));
  const outbox: (Escalation & { rawMessageId: string })[] = [];
  escalated.forEach((escalation, index) => {
    const owner = escalationOwners[index]!;
    if (!live.has(owner)) return;
    escalations.get(owner)!.push(escalation);
    outbox.push({ ...escalation, rawMessageId: owner });
  });
  await recordIncidentEvents(tx, outbox);
  return { failureIds, escalations };
}

async function loadStates(
  tx: SqlClient,
  steps: readonly Step[],
  fingerprints: readonly string[],
  settings: GroupSettings,
  ids: Map<string, string>,
): Promise<Map<string, GroupState>> {
  const first = new Map<string, Step>();
  for (const step of steps)
    if (!first.has(step.failure.classified.fingerprint)) first.set(step.failure.classified.fingerprint, step);
  const earliest = Math.min(...steps.map((step) => step.message.at));
  const senders = steps.map((step) => step.failure.classified.sender ?? "unknown");
  const rows = await loadFingerprintStates(tx, { fingerprints, senders, at: new Date(earliest) });
  // With an incident still running the step only attaches: no window or baseline reads needed.
  const needsWindow = new Map<string, Date>();
  for (const [fingerprint, step] of first) {
    const latest = rows.get(fingerprint)!.latest;
    const at = step.message.at;
    if (!latest || !isStillRunning(toIncidentState(latest), at, settings))
      needsWindow.set(fingerprint, new Date(at - lookbackMs(step.failure.classified.patternable, settings)));
  }
  const unattached = await loadUnattachedFailures(tx, needsWindow);
  const baselines = await countBaselineFailures(
    tx,
    [...needsWindow.keys()].flatMap((fingerprint) => {
      const step = first.get(fingerprint)!;
      if (step.failure.classified.nature !== "threshold") return [];
      return [
        {
          fingerprint,
          ranges: baselineRanges(step.message.at, settings).map((r) => ({
            from: new Date(r.from),
            to: new Date(r.to),
          })),
        },
      ];
    }),
  );
  const states = new Map<string, GroupState>();
  for (const fingerprint of fingerprints) {
    const { latest, silences } = rows.get(fingerprint)!;
    if (latest) ids.set(latest.key, latest.id);
    states.set(fingerprint, {
      fingerprint,
      unattached: (unattached.get(fingerprint) ?? []).map((row) => ({
        ref: row.id,
        at: row.failedAt.getTime(),
        sender: row.originalSender,
      })),
      baseline: baselines.get(fingerprint) ?? [],
      latest: latest ? toIncidentState(latest) : null,
      silences: silences.map((date) => date.getTime()),
    });
  }
  return states;
}
