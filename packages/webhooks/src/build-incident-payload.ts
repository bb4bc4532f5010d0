// The thin `data` of an incident event (DESIGN.md: suppliers get ids, counts, codes, hosts and time
// ranges, never a citizen's address). Built from an allow-list of fields, and each value is checked
// for its form (a host looks like a host, a code like a code), so nothing personal can ride along
// in a field that was meant for something else. The incident's key is left out: its 16 hex digits
// can hold a run of ten decimal digits, which a supplier's DLP filter would take for a CPR number. Pure.
import { isReason } from "@safetynet/core";

export interface IncidentFacts {
  id: string;
  status: string;
  scope: string;
  cause: string;
  supplierId: string | null;
  firstSeen: Date;
  lastSeen: Date;
  resolvedAt: Date | null;
  failureCount: number;
  distinctSenders: number;
  /** Distinct values over the incident's failures (the caller caps how many it reads). */
  reasons: readonly string[];
  statusCodes: readonly string[];
  replyCodes: readonly string[];
  reportingHosts: readonly string[];
  failingHosts: readonly string[];
}

export interface IncidentPayload extends Record<string, unknown> {
  incident: {
    id: string;
    url: string;
    status: string;
    scope: string;
    cause: string;
    supplierId: string | null;
    reasons: string[];
    statusCodes: string[];
    replyCodes: string[];
    reportingHosts: string[];
    failingHosts: string[];
    failureCount: number;
    distinctSenders: number;
    firstSeen: string;
    lastSeen: string;
    resolvedAt: string | null;
  };
  /** incident.updated: the failure count this update marks. */
  milestone?: number;
}

const LIST_LIMIT = 20;
const HOST = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
const IPV6 = /^[0-9a-f:.]{2,45}$/;
const ENHANCED_STATUS = /^[245]\.\d{1,3}\.\d{1,3}$/;
const REPLY_CODE = /^[245]\d\d$/;
const TOKEN = /^[a-z0-9][a-z0-9._:-]{0,99}$/;

function only(values: readonly string[], keep: (value: string) => boolean): string[] {
  const clean = values.map((value) => value.trim().toLowerCase()).filter(keep);
  return [...new Set(clean)].sort().slice(0, LIST_LIMIT);
}

const isHost = (value: string) => HOST.test(value) || (value.includes(":") && IPV6.test(value));

export function incidentUrl(dashboardUrl: string, incidentId: string): string {
  return `${dashboardUrl.replace(/\/+$/, "")}/incidents/${encodeURIComponent(incidentId)}`;
}

export function buildIncidentPayload(
  facts: IncidentFacts,
  options: { dashboardUrl: string; milestone?: number },
): IncidentPayload {
  const token = (value: string) => (TOKEN.test(value) ? value : "unknown");
  const payload: IncidentPayload = {
    incident: {
      id: facts.id,
      url: incidentUrl(options.dashboardUrl, facts.id),
      status: token(facts.status),
      scope: token(facts.scope),
      cause: token(facts.cause),
      supplierId: facts.supplierId === null ? null : token(facts.supplierId),
      reasons: only(facts.reasons, isReason),
      statusCodes: only(facts.statusCodes, (value) => ENHANCED_STATUS.test(value)),
      replyCodes: only(facts.replyCodes, (value) => REPLY_CODE.test(value)),
      reportingHosts: only(facts.reportingHosts, isHost),
      failingHosts: only(facts.failingHosts, isHost),
      failureCount: facts.failureCount,
      distinctSenders: facts.distinctSenders,
      firstSeen: facts.firstSeen.toISOString(),
      lastSeen: facts.lastSeen.toISOString(),
      resolvedAt: facts.resolvedAt ? facts.resolvedAt.toISOString() : null,
    },
  };
  if (options.milestone !== undefined && options.milestone > 0) payload.milestone = options.milestone;
  return payload;
}
