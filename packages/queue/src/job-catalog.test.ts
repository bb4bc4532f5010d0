import { describe, expect, it } from "vitest";
import { JOBS } from "./job-catalog.js";
import { jobOptions, readPayload } from "./queue-factory.js";

describe("job catalog", () => {
  it("gives deterministic job ids without the ':' BullMQ forbids", () => {
    const first = jobOptions("ingest", { messageId: "abc" });
    expect(first.jobId).toBe(jobOptions("ingest", { messageId: "abc" }).jobId);
    for (const key of Object.keys(JOBS) as (keyof typeof JOBS)[]) {
      const sample = {
        ingest: { messageId: "a" },
        notify: { failureId: "b" },
        escalate: { incidentId: "c", event: "incident.opened", sequence: 1 },
        deliverWebhook: { dispatchId: "d", attempt: 2 },
        canaryProbe: {},
        evaluateAlarms: {},
        alarmNotify: { alarmId: "d", event: "fired", sequence: 1, channel: "mail" },
        dailyDigest: {},
        sweepIncidents: {},
        purgeRawMessages: {},
      }[key];
      expect(JOBS[key].jobId(sample as never)).not.toContain(":");
      expect(JOBS[key].backoff.jitter).toBeGreaterThan(0);
    }
  });

  it("accepts ids only: content in a payload is rejected", () => {
    expect(() => readPayload("ingest", { messageId: "x", subject: "Sag 010203-1234" })).toThrow();
    expect(readPayload("ingest", { messageId: "x" })).toEqual({ messageId: "x" });
    expect(() =>
      readPayload("alarmNotify", { alarmId: "a", event: "fired", sequence: 1, channel: "mail", message: "x" }),
    ).toThrow();
  });
});
