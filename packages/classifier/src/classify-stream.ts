// The classify command's engine: messages in arrival order (their Date header) through the same
// parser, classifier and grouping step the worker uses; then one final state per message.
import type { Responsible } from "@safetynet/core";
import { parseMessage } from "@safetynet/ndr";
import { type ClassifiedFailure, classifyReport } from "./classify-report.js";
import { MemoryGrouper } from "./grouping/memory-grouper.js";
import type { GroupSettings } from "./grouping/settings.js";
import { failureScope, toGroupInput } from "./grouping/to-group-input.js";
import type { GroupEffect, IncidentState } from "./grouping/types.js";
import { readNdrFacts } from "./read-ndr-facts.js";
import type { ResponsibilityRules } from "./rules/rules-schema.js";

export interface StreamMessage {
  file: string;
  index: number;
  bytes: Uint8Array;
}

export type StreamLine =
  | {
      file: string;
      index: number;
      scope: "individual" | "systemic" | "none";
      incident: string | null;
      responsible: Responsible;
      cause: string | null;
      reason: string | null;
    }
  | { file: string; index: number; error: string };

interface Parsed {
  file: string;
  index: number;
  order: number;
  at: number;
  firstReason: string | null;
  failures: ClassifiedFailure[];
}

export interface StreamOptions {
  rules: ResponsibilityRules;
  settings: GroupSettings;
  /** Silence expiries by fingerprint (the worker reads them from the database). */
  silences?: ReadonlyMap<string, number[]>;
}

export type StreamEscalation = Extract<GroupEffect, { type: "escalate" }>;

/** Incremental form, so a reader can feed huge mboxes without holding their bytes. */
export class StreamClassifier {
  private readonly lines = new Map<number, StreamLine>();
  private readonly parsed: Parsed[] = [];
  private order = 0;
  private escalated: readonly StreamEscalation[] = [];

  constructor(private readonly options: StreamOptions) {}

  add(message: StreamMessage): void {
    const position = this.order++;
    try {
      const report = parseMessage(message.bytes);
      const facts = readNdrFacts(message.bytes);
      const at = facts.at ?? (report.arrivalDate ? Date.parse(report.arrivalDate) : 0);
      const failures = classifyReport(report, this.options.rules, {
        ndrSubjectHasCpr: facts.ndrSubjectHasCpr,
      }).failures;
      this.parsed.push({
        file: message.file,
        index: message.index,
        order: position,
        at,
        firstReason: report.recipients[0]?.reason ?? null,
        failures,
      });
    } catch (error) {
      this.addError(message.file, message.index, error);
    }
  }

  /** A message the reader could not deliver (unreadable file): its line says why. */
  addError(file: string, index: number, error: unknown): void {
    this.lines.set(this.order++, {
      file,
      index,
      error: (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 500),
    });
  }

  /**
   * What the worker would have escalated (known after `finish`). Silences change only this: they
   * mute escalation, not grouping, so the lines are the same with or without them.
   */
  get escalations(): readonly StreamEscalation[] {
    return this.escalated;
  }

  finish(): StreamLine[] {
    // Arrival order by Date; ties keep the order the files were given in.
    const byArrival = [...this.parsed].sort((a, b) => a.at - b.at || a.order - b.order);
    const grouper = new MemoryGrouper(this.options.settings, this.options.silences);
    for (const item of byArrival) {
      for (const failure of item.failures)
        grouper.add(toGroupInput(failure, refOf(item.order, failure), item.at, true));
    }
    grouper.finish();
    this.escalated = grouper.escalations;
    for (const item of this.parsed) this.lines.set(item.order, finalLine(item, grouper));
    return [...this.lines.entries()].sort((a, b) => a[0] - b[0]).map(([, line]) => line);
  }
}

export function classifyStream(messages: Iterable<StreamMessage>, options: StreamOptions): StreamLine[] {
  const stream = new StreamClassifier(options);
  for (const message of messages) stream.add(message);
  return stream.finish();
}

function refOf(order: number, failure: ClassifiedFailure): string {
  return `${order}#${failure.recipientIndex}`;
}

/** One line per message: its most telling failure (systemic over pattern over the rest). */
function finalLine(item: Parsed, grouper: MemoryGrouper): StreamLine {
  const base = { file: item.file, index: item.index };
  if (!item.failures.length) {
    return { ...base, scope: "none", incident: null, responsible: "unknown", cause: null, reason: item.firstReason };
  }
  const rank = (incident: IncidentState | null) => (incident?.scope === "systemic" ? 2 : incident ? 1 : 0);
  let best = item.failures[0]!;
  let bestIncident = grouper.incidentOf(refOf(item.order, best));
  for (const failure of item.failures.slice(1)) {
    const incident = grouper.incidentOf(refOf(item.order, failure));
    if (rank(incident) > rank(bestIncident)) [best, bestIncident] = [failure, incident];
  }
  return {
    ...base,
    scope: failureScope(bestIncident),
    incident: bestIncident?.key ?? null,
    responsible: best.responsible,
    cause: best.cause,
    reason: best.reason,
  };
}
