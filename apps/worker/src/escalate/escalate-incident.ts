// The escalate job: one incident lifecycle event becomes one webhook message (one webhook-id, one
// body) and one dispatch per subscribed endpoint of the incident's supplier, each put on the
// webhooks queue for its first attempt. Idempotent: a retried job finds the same message and
// dispatches. A silence on the fingerprint mutes it, as it mutes incident.opened in the grouping.
import { createWebhookMessage, findSubscribedEndpoints, loadIncidentFacts } from "@safetynet/db";
import { enqueueWebhookAttempt, type JobPayload } from "@safetynet/queue";
import { buildEnvelope, buildIncidentPayload, generateWebhookId } from "@safetynet/webhooks";

import type { EscalateContext } from "./escalate-context.js";

export type EscalateResult =
  | { kind: "dispatched"; messageId: string; dispatches: number }
  | { kind: "skipped"; why: "incident-gone" | "silenced" | "no-supplier" | "no-endpoints" };

export async function escalateIncident(ctx: EscalateContext, payload: JobPayload<"escalate">): Promise<EscalateResult> {
  const now = ctx.clock?.() ?? new Date();
  const facts = await loadIncidentFacts(ctx.db, payload.incidentId, payload, now);
  if (!facts) return { kind: "skipped", why: "incident-gone" };
  if (facts.silenced) return { kind: "skipped", why: "silenced" };
  const supplierId =
    facts.supplierId ??
    (facts.responsible.startsWith("supplier:") ? facts.responsible.slice("supplier:".length) : null);
  if (!supplierId) return { kind: "skipped", why: "no-supplier" };
  const endpointIds = await findSubscribedEndpoints(ctx.db, supplierId, payload.event);
  if (!endpointIds.length) return { kind: "skipped", why: "no-endpoints" };
  const id = generateWebhookId();
  const data = buildIncidentPayload(
    { ...facts, supplierId },
    {
      dashboardUrl: ctx.dashboardUrl,
      ...(payload.event === "incident.updated" ? { milestone: payload.sequence } : {}),
    },
  );
  const { messageId, dispatches } = await createWebhookMessage(
    ctx.db,
    {
      id,
      sourceKey: `${payload.incidentId}/${payload.event}/${payload.sequence}`,
      type: payload.event,
      incidentId: payload.incidentId,
      body: buildEnvelope(id, payload.event, facts.eventAt ?? now, data),
    },
    endpointIds,
  );
  // Dispatches that already made attempts have their next one on the queue (or are done).
  await Promise.all(
    dispatches
      .filter((dispatch) => dispatch.status === "pending" && dispatch.attempts === 0)
      .map((dispatch) => enqueueWebhookAttempt(ctx.webhooks, dispatch.id, 1)),
  );
  return { kind: "dispatched", messageId, dispatches: dispatches.length };
}
