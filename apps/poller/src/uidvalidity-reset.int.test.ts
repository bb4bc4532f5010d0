import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeNdr } from "./test-support/make-ndr.js";
import { type PollerTest, setupPollerTest, waitFor } from "./test-support/poller-harness.js";

let harness: PollerTest | undefined;
afterEach(async () => {
  await harness?.cleanup();
  harness = undefined;
});

describe("UIDVALIDITY change", () => {
  it("re-seeds by content hash and Message-ID, stores nothing twice and raises one mailbox.reset", async () => {
    harness = await setupPollerTest();
    const { database, user } = harness;
    await harness.append([makeNdr(1), makeNdr(2), makeNdr(3)]);
    let poller = await harness.startPoller();
    await waitFor(async () => (await database.db.rawMessage.count()) === 3, 10_000, "seed");
    const before = await waitFor(
      async () => {
        const row = await database.db.mailbox.findUniqueOrThrow({ where: { id: poller.configMailboxId! } });
        return row.lastUid === 3n && row;
      },
      5_000,
      "sync state saved",
    );
    await poller.stop();

    // Dovecot assigns a new UIDVALIDITY when its uidlist disappears. One message is also
    // rewritten with an extra header (a different hash, the same Message-ID), as a server that
    // re-delivers a copy might; its Maildir name loses the cached size (,S=) that no longer fits.
    rmSync(path.join(user.maildir, "dovecot-uidlist"));
    rmSync(path.join(user.maildir, "dovecot.index"), { force: true });
    rmSync(path.join(user.maildir, "dovecot.index.cache"), { force: true });
    rmSync(path.join(user.maildir, "dovecot.index.log"), { force: true });
    const cur = path.join(user.maildir, "cur");
    const newDir = path.join(user.maildir, "new");
    const [first] = [
      ...readdirSync(cur).map((name) => path.join(cur, name)),
      ...readdirSync(newDir).map((name) => path.join(newDir, name)),
    ].sort();
    writeFileSync(first!, Buffer.concat([Buffer.from("X-Rewritten: yes\r\n"), readFileSync(first!)]));
    renameSync(first!, first!.replace(/,S=\d+/, "").replace(/,W=\d+/, ""));

    await harness.append([makeNdr(4)]);
    poller = await harness.startPoller();
    await waitFor(async () => (await database.db.rawMessage.count()) === 4, 10_000, "new message after reset");
    const after = await database.db.mailbox.findUniqueOrThrow({ where: { id: poller.configMailboxId! } });
    expect(after.uidValidity).not.toBe(before.uidValidity);
    await waitFor(
      async () =>
        after.lastUid === 4n ||
        (await database.db.mailbox.findUniqueOrThrow({ where: { id: after.id } })).lastUid === 4n,
      5_000,
      "sync state",
    );

    // Every stored row now carries a UID under the new UIDVALIDITY: nothing re-fetched next time.
    const rows = await database.db.rawMessage.findMany({ select: { uid: true, uidValidity: true } });
    expect(rows.filter((row) => row.uidValidity !== after.uidValidity)).toEqual([]);
    expect(rows.map((row) => Number(row.uid)).sort()).toEqual([1, 2, 3, 4]);

    await poller.stop();
    // The event that closes the window: the restarted poller's first pass has decided and finished.
    const restarted = await harness.startPoller();
    await waitFor(
      async () => restarted.supervisor.runners()[0]?.state() === "idle",
      10_000,
      "first pass after restart",
    );
    const events = await database.db.mailboxEvent.findMany({ where: { type: "mailbox.reset" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toMatchObject({
      previousUidValidity: String(before.uidValidity),
      uidValidity: String(after.uidValidity),
    });
    expect(await database.db.rawMessage.count()).toBe(4);
  });
});
