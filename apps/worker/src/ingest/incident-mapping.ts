// Converts between the database's incident rows and the pure grouping state (times as Date
// versus epoch ms, previous incident by id versus by key, supplier as a foreign key).
import { randomUUID } from "node:crypto";
import type { GroupEffect, IncidentState } from "@safetynet/classifier";
import { failureScope } from "@safetynet/classifier";
import type { Responsible } from "@safetynet/core";
import type { IncidentChanges, IncidentEventKey, IncidentRow, IncidentWrite } from "@safetynet/db";

export function toIncidentState(row: IncidentRow & { knownSenders: string[] }): IncidentState {
  return {
    key: row.key,
    sequence: row.sequence,
    fingerprint: row.fingerprint,
    fingerprintVersion: row.fingerprintVersion,
    scope: row.scope,
    status: row.status,
    cause: row.cause as IncidentState["cause"],
    responsible: row.responsible as Responsible,
    reportingHost: row.reportingHost,
    recipientDomain: row.recipientDomain,
    firstSeen: row.firstSeen.getTime(),
    lastSeen: row.lastSeen.getTime(),
    failureCount: row.failureCount,
    distinctSenders: row.distinctSenders,
    knownSenders: row.knownSenders,
    previousKey: row.previousKey,
    announced: row.announced,
    live: row.live,
    resolvedAt: row.resolvedAt ? row.resolvedAt.getTime() : null,
  };
}

function toWrite(
  incident: IncidentState,
  created: boolean,
  ids: ReadonlyMap<string, string>,
  supplierIds: ReadonlySet<string>,
): IncidentWrite {
  const supplier = incident.responsible.startsWith("supplier:") ? incident.responsible.slice("supplier:".length) : null;
  return {
    id: ids.get(incident.key)!,
    created,
    key: incident.key,
    sequence: incident.sequence,
    fingerprint: incident.fingerprint,
    fingerprintVersion: incident.fingerprintVersion,
    scope: incident.scope,
    status: incident.status,
    cause: incident.cause,
    responsible: incident.responsible,
    supplierId: supplier && supplierIds.has(supplier) ? supplier : null,
    reportingHost: incident.reportingHost,
    recipientDomain: incident.recipientDomain,
    firstSeen: new Date(incident.firstSeen),
    lastSeen: new Date(incident.lastSeen),
    failureCount: incident.failureCount,
    distinctSenders: incident.distinctSenders,
    previousId: incident.previousKey ? (ids.get(incident.previousKey) ?? null) : null,
    announced: incident.announced,
    live: incident.live,
    resolvedAt: incident.resolvedAt === null ? null : new Date(incident.resolvedAt),
  };
}

/**
 * Collapse a step's effects into writes: the final state per incident, attachments, senders, and
 * the escalations (in the order of their effects) by incident id. New incidents get their id
 * here, so a recurrence opened in the same step links to them.
 */
export function toChanges(
  effects: readonly GroupEffect[],
  knownIds: ReadonlyMap<string, string>,
  supplierIds: ReadonlySet<string>,
): { changes: IncidentChanges; escalations: IncidentEventKey[] } {
  const finals = new Map<string, { incident: IncidentState; created: boolean }>();
  const changes: IncidentChanges = { incidents: [], attachments: [], senders: [] };
  const escalated: Extract<GroupEffect, { type: "escalate" }>[] = [];
  const ids = new Map(knownIds);
  const senders: { incidentKey: string; sender: string; firstSeen: number }[] = [];
  for (const effect of effects) {
    if (effect.type === "incident-saved") {
      if (!ids.has(effect.incident.key)) ids.set(effect.incident.key, randomUUID());
      finals.set(effect.incident.key, {
        incident: effect.incident,
        created: effect.created || (finals.get(effect.incident.key)?.created ?? false),
      });
    } else if (effect.type === "escalate") escalated.push(effect);
    else if (effect.type === "senders-added")
      senders.push(...effect.senders.map((sender) => ({ incidentKey: effect.incidentKey, ...sender })));
  }
  for (const { incident, created } of finals.values())
    changes.incidents.push(toWrite(incident, created, ids, supplierIds));
  for (const sender of senders) {
    const incidentId = ids.get(sender.incidentKey);
    if (incidentId) changes.senders.push({ incidentId, sender: sender.sender, firstSeen: new Date(sender.firstSeen) });
  }
  // One row set per incident, not per failure: a storm attaches hundreds of failures to one key.
  const attached = new Map<string, string[]>();
  for (const effect of effects) {
    if (effect.type === "failures-attached")
      attached.set(effect.incidentKey, [...(attached.get(effect.incidentKey) ?? []), ...effect.refs]);
  }
  for (const [incidentKey, failureIds] of attached) {
    const incidentId = ids.get(incidentKey);
    if (incidentId)
      changes.attachments.push({
        incidentId,
        failureIds,
        scope: failureScope(finals.get(incidentKey)?.incident ?? null),
      });
  }
  const escalations = escalated.map((effect) => ({
    incidentId: ids.get(effect.incidentKey)!,
    event: effect.event,
    sequence: effect.sequence,
  }));
  return { changes, escalations };
}
