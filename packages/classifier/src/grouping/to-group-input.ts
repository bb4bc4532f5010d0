// Bridges a classified failure to the grouping step, and an incident to what staff see (the
// classify command's `scope` and `incident` fields), so the CLI and the worker agree on both.
import type { ClassifiedFailure } from "../classify-report.js";
import { hopGrouping } from "../decide-failed-hop.js";
import type { GroupInput, IncidentState } from "./types.js";

export function toGroupInput(failure: ClassifiedFailure, ref: string, at: number, live: boolean): GroupInput {
  return {
    ref,
    at,
    sender: failure.sender,
    fingerprint: failure.fingerprint,
    fingerprintVersion: failure.fingerprintVersion,
    cause: failure.cause,
    nature: failure.nature,
    patternable: failure.patternable,
    responsible: failure.responsible,
    reportingHost: failure.reportingHost,
    // A relay's incident is about the relay: no single recipient domain speaks for it.
    recipientDomain: hopGrouping(failure.cause, failure.hop) === "host" ? null : failure.recipientDomain,
    live,
  };
}

/** A pattern is many individual mistakes: its failures stay "individual" but name the pattern. */
export function failureScope(incident: Pick<IncidentState, "scope"> | null): "individual" | "systemic" {
  return incident?.scope === "systemic" ? "systemic" : "individual";
}
