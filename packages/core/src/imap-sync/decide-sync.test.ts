import { describe, expect, it } from "vitest";
import { decideSync, type StoredSyncState } from "./decide-sync.js";

const now = new Date("2026-11-28T12:00:00Z");
const options = { now, fullSyncEveryMs: 3_600_000 };
const synced: StoredSyncState = {
  uidValidity: 7n,
  lastUid: 10n,
  highestModseq: 100n,
  lastFullSyncAt: new Date("2026-11-28T11:30:00Z"),
};

describe("decideSync", () => {
  it("seeds a mailbox it has never seen", () => {
    const stored = { uidValidity: null, lastUid: 0n, highestModseq: null, lastFullSyncAt: null };
    expect(decideSync(stored, { uidValidity: 7n, uidNext: 1, exists: 0 }, options).kind).toBe("seed");
  });
  it("re-seeds once on a UIDVALIDITY change", () => {
    const decision = decideSync(synced, { uidValidity: 8n, uidNext: 3, exists: 2 }, options);
    expect(decision).toMatchObject({ kind: "reset", previousUidValidity: 7n });
  });
  it("fetches above the last UID when UIDNEXT moved", () => {
    expect(decideSync(synced, { uidValidity: 7n, uidNext: 14, exists: 4 }, options)).toMatchObject({
      kind: "incremental",
      fromUid: 11n,
    });
  });
  it("does nothing when UIDNEXT did not move, even if HIGHESTMODSEQ did (flag changes)", () => {
    expect(decideSync(synced, { uidValidity: 7n, uidNext: 11, exists: 4, highestModseq: 120n }, options).kind).toBe(
      "none",
    );
  });
  it("runs a full comparison when the last one is older than the interval", () => {
    const stale = { ...synced, lastFullSyncAt: new Date("2026-11-28T10:00:00Z") };
    expect(decideSync(stale, { uidValidity: 7n, uidNext: 11, exists: 4 }, options).kind).toBe("full");
    expect(
      decideSync({ ...synced, lastFullSyncAt: null }, { uidValidity: 7n, uidNext: 11, exists: 4 }, options).kind,
    ).toBe("full");
  });
  it("reads a server that reports no UIDNEXT", () => {
    expect(decideSync(synced, { uidValidity: 7n, uidNext: 0, exists: 4 }, options).kind).toBe("incremental");
  });
  it("with CONDSTORE, a due comparison of an unchanged mailbox lists nothing; a changed one lists only the changes", () => {
    const stale = { ...synced, lastFullSyncAt: new Date("2026-11-28T10:00:00Z") };
    expect(decideSync(stale, { uidValidity: 7n, uidNext: 11, exists: 4, highestModseq: 100n }, options)).toMatchObject({
      kind: "unchanged",
    });
    expect(decideSync(stale, { uidValidity: 7n, uidNext: 12, exists: 5, highestModseq: 104n }, options)).toMatchObject({
      kind: "full",
      changedSince: 100n,
    });
    // A server without CONDSTORE, a value that went backwards, or no earlier full pass: list everything.
    for (const [state, modseq] of [
      [stale, null],
      [stale, 90n],
      [{ ...stale, lastFullSyncAt: null }, 100n],
      [{ ...stale, highestModseq: null }, 100n],
    ] as const) {
      const decision = decideSync(state, { uidValidity: 7n, uidNext: 11, exists: 4, highestModseq: modseq }, options);
      expect(decision).toEqual({ kind: "full", reason: "periodic full comparison due" });
    }
    // The poller's first pass after start lists everything: only that finds rows the database lost.
    expect(
      decideSync(
        stale,
        { uidValidity: 7n, uidNext: 11, exists: 4, highestModseq: 100n },
        { ...options, useModseq: false },
      ),
    ).toEqual({ kind: "full", reason: "periodic full comparison due" });
  });
});
