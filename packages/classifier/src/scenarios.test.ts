import { parseMessage } from "@safetynet/ndr";
import { describe, expect, it } from "vitest";
import { classifyReport } from "./classify-report.js";
import { classifyStream, type StreamLine } from "./classify-stream.js";
import { MemoryGrouper } from "./grouping/memory-grouper.js";
import { DEFAULT_GROUP_SETTINGS } from "./grouping/settings.js";
import { toGroupInput } from "./grouping/to-group-input.js";
import { readDateHeader } from "./read-ndr-facts.js";
import { DEFAULT_RULES } from "./rules/default-rules.js";
import type { ResponsibilityRules } from "./rules/rules-schema.js";
import { f1, pairwise } from "./test-support/pairwise.js";
import * as scenarios from "./test-support/scenarios.js";
import { SCENARIO_SUPPLIERS, type ScenarioMessage } from "./test-support/scenarios.js";

const rules: ResponsibilityRules = { ...DEFAULT_RULES, suppliers: SCENARIO_SUPPLIERS };

function run(messages: ScenarioMessage[], silences?: ReadonlyMap<string, number[]>) {
  const lines = classifyStream(
    messages.map((item) => ({ file: `${item.name}.eml`, index: 0, bytes: Buffer.from(item.raw) })),
    { rules, settings: DEFAULT_GROUP_SETTINGS, ...(silences ? { silences } : {}) },
  ) as Extract<StreamLine, { scope: string }>[];
  return {
    lines,
    score: pairwise(
      messages.map((item) => item.group),
      lines.map((line) => line.incident),
    ),
  };
}

describe("scenario streams with known answers", () => {
  it("40 senders with a CPR in the subject over a week: individual, one pattern", () => {
    const { lines, score } = run(scenarios.cprWeek());
    expect(score).toEqual({ precision: 1, recall: 1 });
    expect(new Set(lines.map((line) => line.scope))).toEqual(new Set(["individual"]));
    expect(lines.filter((line) => !(line.cause === "cpr-in-subject" && line.responsible === "sender"))).toEqual([]);
  });

  it("a domain refusing non-TLS mail for two hours for 25 senders: one systemic incident", () => {
    const { lines, score } = run(scenarios.tlsRefusal());
    expect(score).toEqual({ precision: 1, recall: 1 });
    expect(
      lines.every(
        (line) => line.scope === "systemic" && line.cause === "tls-required" && line.responsible === "recipient",
      ),
    ).toBe(true);
  });

  it("our gateway failing to return messages: systemic, its supplier", () => {
    const { lines, score } = run(scenarios.gatewayDown());
    expect(score).toEqual({ precision: 1, recall: 1 });
    expect(
      lines.every(
        (line) =>
          line.scope === "systemic" &&
          line.cause === "gateway-cannot-return" &&
          line.responsible === "supplier:sikkermail",
      ),
    ).toBe(true);
  });

  it("without a supplier rule the gateway fault is our own infrastructure", () => {
    const lines = classifyStream(
      scenarios.gatewayDown().map((item) => ({ file: item.name, index: 0, bytes: Buffer.from(item.raw) })),
      {
        rules: { ...DEFAULT_RULES, ownHosts: [...DEFAULT_RULES.ownHosts, "*.sikkermail.example"] },
        settings: DEFAULT_GROUP_SETTINGS,
      },
    ) as Extract<StreamLine, { scope: string }>[];
    expect(new Set(lines.map((line) => line.responsible))).toEqual(new Set(["own-infrastructure"]));
  });

  it("a flapping fault stays one incident", () => {
    const { lines, score } = run(scenarios.flapping());
    expect(score).toEqual({ precision: 1, recall: 1 });
    expect(lines.filter((line) => line.scope !== "systemic")).toEqual([]);
  });

  it("a silenced fault is still one incident, but nothing is escalated while the silence lasts", () => {
    const messages = scenarios.tlsRefusal(8, undefined, "silenced.example");
    const run = (silenced: boolean) => {
      const failures = messages.map((item, index) => {
        const report = parseMessage(Buffer.from(item.raw));
        return { index, at: readDateHeader(item.raw)!, failure: classifyReport(report, rules).failures[0]! };
      });
      failures.sort((a, b) => a.at - b.at);
      const expiry = failures[0]!.at + 24 * 3_600_000;
      const grouper = new MemoryGrouper(
        DEFAULT_GROUP_SETTINGS,
        new Map(silenced ? [[failures[0]!.failure.fingerprint, [expiry]]] : []),
      );
      for (const item of failures) grouper.add(toGroupInput(item.failure, String(item.index), item.at, true));
      grouper.finish();
      return grouper;
    };
    const silenced = run(true);
    expect(new Set(messages.map((_, index) => silenced.incidentOf(String(index))?.key)).size).toBe(1);
    expect(silenced.escalations).toEqual([]);
    expect(run(false).escalations.map((effect) => effect.event)).toEqual(["incident.opened", "incident.updated"]); // updated at 10 failures
  });

  it("a fault that recurs the next day opens a second incident", () => {
    const { lines, score } = run(scenarios.recurring());
    expect(score).toEqual({ precision: 1, recall: 1 });
    expect(new Set(lines.map((line) => line.incident)).size).toBe(2);
    expect(lines[6]!.incident).toMatch(/-2$/);
  });

  it("all scenarios mixed with unrelated mistakes keep perfect pairwise precision and recall", () => {
    const mixed = [
      ...scenarios.cprWeek(11),
      ...scenarios.tlsRefusal(12),
      ...scenarios.gatewayDown(13),
      ...scenarios.flapping(14),
      ...scenarios.recurring(15),
      ...scenarios.noise(16),
      ...scenarios.relayDown(17),
      ...scenarios.twoSuppliersDown(18),
    ];
    const { lines, score } = run(mixed);
    expect(score).toEqual({ precision: 1, recall: 1 });
    const noise = lines.slice(-50, -40);
    expect(noise.filter((line) => line.incident !== null || line.scope !== "individual")).toEqual([]);
  });

  it("our relay to the supplier refusing connections for an hour (10 senders, 4 domains): one incident, the supplier's", () => {
    const messages = scenarios.relayDown();
    expect(new Set(messages.map((item) => item.raw.match(/^Final-Recipient: rfc822; ?\S+@(\S+)/m)?.[1])).size).toBe(4);
    const { lines, score } = run(messages);
    expect(score).toEqual({ precision: 1, recall: 1 });
    // The same outage reads as expired-retrying (4.4.1) and network-or-dns (5.4.1): one fault all the same.
    expect(new Set(lines.map((line) => line.cause))).toEqual(new Set(["expired-retrying", "network-or-dns"]));
    expect(lines.filter((line) => line.scope !== "systemic" || line.responsible !== "supplier:sikkermail")).toEqual([]);
  });

  it("an outage of our own outbound gateway cluster to eight domains: one incident, our infrastructure", () => {
    const { lines, score } = run(scenarios.ownGatewayDown());
    expect(score).toEqual({ precision: 1, recall: 1 });
    expect(lines.filter((line) => line.scope !== "systemic" || line.responsible !== "own-infrastructure")).toEqual([]);
  });

  it("two suppliers down in the same hour to overlapping domains: two incidents, each its supplier's", () => {
    const messages = scenarios.twoSuppliersDown();
    const { lines, score } = run(messages);
    expect(score).toEqual({ precision: 1, recall: 1 });
    const owners = new Map(lines.map((line, index) => [messages[index]!.group, line.responsible]));
    expect(owners).toEqual(
      new Map([
        ["two-sikker", "supplier:sikkermail"],
        ["two-digipost", "supplier:digipost"],
      ]),
    );
  });

  it("a full shared mailbox (4.2.2 then 5.2.2) is one incident; another full mailbox of that domain is not in it", () => {
    const messages = scenarios.sharedMailboxFull();
    const { lines, score } = run(messages);
    expect(score).toEqual({ precision: 1, recall: 1 });
    expect(lines.at(-1)).toMatchObject({ incident: null, cause: "recipient-mailbox-full" });
    expect(lines.slice(0, -1).filter((line) => line.scope !== "systemic")).toEqual([]);
  });

  it("two recipient domains' own MXs down at once: two incidents, the recipients'", () => {
    const { lines, score } = run(scenarios.twoDomainsDown());
    expect(score).toEqual({ precision: 1, recall: 1 });
    expect(new Set(lines.map((line) => line.incident)).size).toBe(2);
    expect(lines.filter((line) => line.responsible !== "recipient")).toEqual([]);
  });

  it("whole scenario weeks keep pairwise incident F1 >= 0.95", () => {
    for (const seed of [1, 2, 3]) {
      const week = scenarios.scenarioWeek(seed);
      const { score } = run(week);
      expect({ seed, f1: f1(score) >= 0.95, ...score }).toEqual({ seed, f1: true, precision: 1, recall: 1 });
    }
  });

  it("prints an error line for a message it cannot read and carries on", () => {
    const lines = classifyStream([{ file: "bad.eml", index: 0, bytes: Buffer.from("not a mail at all") }], {
      rules,
      settings: DEFAULT_GROUP_SETTINGS,
    });
    expect(lines[0]).toMatchObject({ file: "bad.eml", index: 0 });
    expect("error" in lines[0]! ? true : lines[0]!.scope === "none").toBe(true);
  });
});
