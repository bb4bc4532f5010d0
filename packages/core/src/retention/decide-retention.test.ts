import { describe, expect, it } from "vitest";
import { decideRetention, type RetentionFacts, retentionCutoff } from "./decide-retention.js";

const now = new Date("2026-12-04T12:00:00Z");
const days = 1825;
const fresh: RetentionFacts = {
  receivedAt: new Date("2026-11-01T00:00:00Z"),
  internalDate: null,
  earliestFailedAt: null,
  state: "parsed",
  purgedAt: null,
};

describe("decideRetention", () => {
  it("computes the cutoff RETENTION_DAYS before now", () => {
    expect(retentionCutoff(now, 10).toISOString()).toBe("2026-11-24T12:00:00.000Z");
  });

  it("keeps a message younger than the limit and purges one older", () => {
    expect(decideRetention(fresh, now, days)).toBe("keep");
    const old = { ...fresh, receivedAt: new Date("2021-12-01T00:00:00Z") };
    expect(decideRetention(old, now, days)).toBe("purge");
    expect(decideRetention({ ...old, state: "quarantined" }, now, days)).toBe("purge");
  });

  it("dates a back-filled message by its oldest failure or IMAP date, not by its import", () => {
    expect(decideRetention({ ...fresh, earliestFailedAt: new Date("2018-03-01T00:00:00Z") }, now, days)).toBe("purge");
    expect(decideRetention({ ...fresh, internalDate: new Date("2019-03-01T00:00:00Z") }, now, days)).toBe("purge");
    expect(decideRetention({ ...fresh, earliestFailedAt: new Date("2024-03-01T00:00:00Z") }, now, days)).toBe("keep");
  });

  it("keeps an unparsed message (its failures are not recorded yet) and never purges twice", () => {
    const old = { ...fresh, receivedAt: new Date("2018-01-01T00:00:00Z") };
    expect(decideRetention({ ...old, state: "stored" }, now, days)).toBe("keep");
    expect(decideRetention({ ...old, purgedAt: new Date("2026-01-01T00:00:00Z") }, now, days)).toBe("keep");
  });

  it("treats the exact cutoff instant as still retained", () => {
    expect(decideRetention({ ...fresh, receivedAt: retentionCutoff(now, days) }, now, days)).toBe("keep");
  });
});
