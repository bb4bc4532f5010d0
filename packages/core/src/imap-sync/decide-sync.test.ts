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
});
