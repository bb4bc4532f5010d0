import { sealMailboxCredentials } from "@safetynet/db";
import { createDovecotUser, waitForDovecotLogin } from "@safetynet/testing";
import { afterEach, describe, expect, it } from "vitest";
import { makeNdr } from "./test-support/make-ndr.js";
import { type PollerTest, setupPollerTest, TEST_KEY, waitFor } from "./test-support/poller-harness.js";

let harness: PollerTest | undefined;
afterEach(async () => {
  await harness?.cleanup();
  harness = undefined;
});

describe("supervision", () => {
  it("runs exactly one active poller per mailbox; the second takes over when the first stops", async () => {
    harness = await setupPollerTest();
    const { database } = harness;
    const first = await harness.startPoller({ IMAP_LEASE_SECONDS: "2" });
    const second = await harness.startPoller({ IMAP_LEASE_SECONDS: "2" });
    const states = () => [first, second].map((poller) => poller.supervisor.runners()[0]?.state());
    await waitFor(
      async () => states().includes("idle") && states().includes("waiting-for-lease"),
      10_000,
      "one active, one waiting",
    );
    await harness.append([makeNdr(1), makeNdr(2)]);
    await waitFor(async () => (await database.db.rawMessage.count()) === 2, 10_000, "stored by the active one");
    expect(states().filter((state) => state === "waiting-for-lease")).toHaveLength(1);

    const active = states()[0] === "idle" ? first : second;
    const standby = active === first ? second : first;
    await active.stop();
    await waitFor(async () => standby.supervisor.runners()[0]?.state() === "idle", 10_000, "standby took over");
    await harness.append([makeNdr(3)]);
    await waitFor(async () => (await database.db.rawMessage.count()) === 3, 10_000, "stored by the standby");
    expect(await harness.jobIds()).toHaveLength(3);
  });

  it("also polls mailboxes added as table rows, with credentials stored encrypted", async () => {
    harness = await setupPollerTest();
    const other = createDovecotUser();
    await waitForDovecotLogin(other);
    const credentials = sealMailboxCredentials(TEST_KEY, { user: other.user, pass: other.pass });
    expect(Buffer.from(credentials).includes(Buffer.from(other.pass))).toBe(false);
    const row = await harness.database.db.mailbox.create({
      data: {
        name: "api-mailbox",
        url: `imap://${other.user}@${other.host}:${other.port}/INBOX`,
        credentials,
        origin: "api",
      },
    });
    const poller = await harness.startPoller();
    await waitFor(async () => poller.supervisor.runners().length === 2, 10_000, "two runners");
    const client = new (await import("imapflow")).ImapFlow({
      host: other.host,
      port: other.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: other.user, pass: other.pass },
      logger: false,
    });
    await client.connect();
    await client.append("INBOX", makeNdr(7));
    await client.logout();
    await harness.append([makeNdr(8)]);
    await waitFor(async () => (await harness!.database.db.rawMessage.count()) === 2, 10_000, "both mailboxes");
    const owners = (await harness.database.db.rawMessage.findMany({ select: { mailboxId: true } }))
      .map((message) => message.mailboxId)
      .sort();
    expect(owners).toEqual([row.id, poller.configMailboxId].sort());
  });

  it("a bad password stops retrying, marks the mailbox auth-failed and raises one alarm event", async () => {
    const user = createDovecotUser();
    harness = await setupPollerTest(user);
    const wrong = user.url.replace(`:${encodeURIComponent(user.pass)}@`, ":wrong-password@");
    const poller = await harness.startPoller({ IMAP_URL: wrong, IMAP_BACKOFF_MAX_SECONDS: "1" });
    await waitFor(
      async () =>
        poller.supervisor.runners()[0]?.state() === "auth-failed" ||
        (await harness!.database.db.mailbox.findFirst({ where: { status: "auth_failed" } })),
      10_000,
      "auth-failed",
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // several backoff periods: no retry
    const mailbox = await harness.database.db.mailbox.findUniqueOrThrow({ where: { id: poller.configMailboxId! } });
    expect(mailbox.status).toBe("auth_failed");
    expect(mailbox.lastError).toMatch(/auth/i);
    expect(mailbox.lastError).not.toContain("wrong-password");
    const events = await harness.database.db.mailboxEvent.findMany({ where: { mailboxId: mailbox.id } });
    expect(events.map((event) => event.type)).toEqual(["mailbox.auth-failed"]);
    expect(poller.supervisor.runners()).toHaveLength(0);
  });

  it("stores an oversized message and quarantines it with the reason, never skips it", async () => {
    harness = await setupPollerTest();
    await harness.append([makeNdr(1), makeNdr(2, { padBytes: 20_000 }), makeNdr(3)]);
    await harness.startPoller({ MAX_MESSAGE_BYTES: "10000" });
    await waitFor(async () => (await harness!.database.db.rawMessage.count()) === 3, 10_000, "all three stored");
    const quarantined = await harness.database.db.rawMessage.findMany({ where: { state: "quarantined" } });
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]!.uid).toBe(2n);
    expect(quarantined[0]!.size).toBeGreaterThan(20_000);
    expect(quarantined[0]!.quarantineReason).toMatch(/^oversized: \d+ bytes > limit 10000$/);
    expect(await harness.jobIds()).toHaveLength(3);
  });
});
