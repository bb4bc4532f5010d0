import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { createLogger } from "@safetynet/config";
import { sealMailboxCredentials } from "@safetynet/db";
import { createPrivateDovecot, type PrivateDovecot } from "@safetynet/testing";
import { afterEach, describe, expect, it } from "vitest";
import { makeNdr } from "./test-support/make-ndr.js";
import { type PollerTest, setupPollerTest, TEST_KEY, waitFor } from "./test-support/poller-harness.js";
import { startTokenEndpoint, type TokenEndpoint } from "./test-support/token-endpoint.js";
import { startTokenIntrospection, type TokenIntrospection } from "./test-support/token-introspection.js";

let harness: PollerTest | undefined;
let dovecot: PrivateDovecot | undefined;
let introspection: TokenIntrospection | undefined;
let endpoint: TokenEndpoint | undefined;
afterEach(async () => {
  await harness?.cleanup();
  dovecot?.destroy();
  await introspection?.close();
  await endpoint?.close();
  harness = undefined;
  dovecot = undefined;
  introspection = undefined;
  endpoint = undefined;
});

const CLIENT_SECRET = "Q~client.secret-that-must-never-be-logged";

/** The poller's IMAP_OAUTH_* settings for a loopback token endpoint. */
function oauthEnv(url: string, tokenUrl: string): Record<string, string> {
  return {
    IMAP_URL: url,
    IMAP_OAUTH_TOKEN_URL: tokenUrl,
    IMAP_OAUTH_CLIENT_ID: "safetynet-poller",
    IMAP_OAUTH_CLIENT_SECRET: CLIENT_SECRET,
    IMAP_BACKOFF_MAX_SECONDS: "1",
  };
}

/** A runner that marked its mailbox auth-failed stops and leaves the supervisor: it cannot retry after that. */
async function runnerGone(poller: { supervisor: { runners(): unknown[] } }): Promise<true> {
  return waitFor(async () => poller.supervisor.runners().length === 0, 10_000, "the runner to stop for good");
}

/** A bearer token shaped like Microsoft's (a JWT: base64url parts joined by dots). */
function makeToken(): string {
  return [
    "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9",
    randomBytes(24).toString("base64url"),
    randomBytes(32).toString("base64url"),
  ].join(".");
}

interface OAuthSetup {
  harness: PollerTest;
  introspection: TokenIntrospection;
  dovecot: PrivateDovecot;
  /** Active for the Dovecot user. */
  token: string;
  /** The mailbox URL without a password: the token is the only credential. */
  url: string;
}

/** A private Dovecot whose oauth2 passdb asks a loopback introspection endpoint, and a harness on it. */
async function setupOAuth(): Promise<OAuthSetup> {
  introspection = await startTokenIntrospection();
  dovecot = await createPrivateDovecot({ oauth2IntrospectionUrl: introspection.url });
  await dovecot.start();
  harness = await setupPollerTest(dovecot.user);
  const token = makeToken();
  const { user } = dovecot;
  introspection.grant(token, user.user);
  return { harness, introspection, dovecot, token, url: `imap://${user.user}@${user.host}:${user.port}/INBOX` };
}

function captureLogs(): { logger: ReturnType<typeof createLogger>; output: () => string } {
  const lines: string[] = [];
  const destination = new Writable({
    write: (chunk, _encoding, done) => {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: "trace", destination }), output: () => lines.join("") };
}

/** What must never be logged or stored: the token, and the XOAUTH2 SASL payload that carries it. */
function secretsOf(user: string, token: string): string[] {
  return [token, Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`).toString("base64"), TEST_KEY];
}

describe("XOAUTH2 against Dovecot's oauth2 passdb (a private instance with a token introspection endpoint)", () => {
  it("logs in with IMAP_ACCESS_TOKEN over AUTHENTICATE XOAUTH2 and stores an APPENDed message", async () => {
    const { harness, introspection, dovecot, token, url } = await setupOAuth();
    await harness.append([makeNdr(1)]);
    const poller = await harness.startPoller({ IMAP_URL: url, IMAP_ACCESS_TOKEN: token, IMAP_RESYNC_SECONDS: "600" });
    await waitFor(
      async () => (await harness.database.db.rawMessage.count()) === 1,
      10_000,
      "message present before start",
    );
    await waitFor(async () => poller.supervisor.runners()[0]?.state() === "idle", 5_000, "idle");
    await harness.append([makeNdr(2)]);
    await waitFor(
      async () => (await harness.database.db.rawMessage.count()) === 2,
      5_000,
      "message appended while idling",
    );
    // Stored first, then enqueued, then the sync state saved: wait for the end of the pass.
    const passDone = async () =>
      (await harness.database.db.mailbox.findUniqueOrThrow({ where: { id: poller.configMailboxId! } })).lastUid === 2n;
    await waitFor(passDone, 5_000, "sync state saved");

    const mailbox = await harness.database.db.mailbox.findUniqueOrThrow({ where: { id: poller.configMailboxId! } });
    expect(mailbox).toMatchObject({ authMethod: "xoauth2", status: "active", lastError: null, lastUid: 2n });
    expect(await harness.jobIds()).toHaveLength(2);
    // The token went through Dovecot's oauth2 passdb (not the passwd-file), by XOAUTH2.
    expect(introspection.asked).toEqual([token]);
    expect(dovecot.readLog()).toMatch(new RegExp(`Login: user=<${dovecot.user.user}>, method=XOAUTH2`));
  });

  it("logs in with the access token sealed in a Mailbox row (authMethod xoauth2)", async () => {
    const { harness, introspection, dovecot, token, url } = await setupOAuth();
    const credentials = sealMailboxCredentials(TEST_KEY, { user: dovecot.user.user, accessToken: token });
    expect(Buffer.from(credentials).includes(Buffer.from(token))).toBe(false);
    const row = await harness.database.db.mailbox.create({
      data: { name: "api-xoauth2", url, authMethod: "xoauth2", credentials, origin: "api" },
    });
    await harness.append([makeNdr(1)]);
    const poller = await harness.startPoller({ IMAP_URL: "" });
    await waitFor(
      async () => (await harness.database.db.rawMessage.count()) === 1,
      10_000,
      "stored from the row's mailbox",
    );
    expect(poller.configMailboxId).toBeNull();
    expect((await harness.database.db.rawMessage.findFirstOrThrow()).mailboxId).toBe(row.id);
    expect(introspection.asked).toEqual([token]);
  });

  it("an inactive token marks the mailbox auth-failed and raises one alarm event, as a bad password does", async () => {
    const { harness, introspection, token, url } = await setupOAuth();
    const expired = makeToken(); // never granted: the endpoint answers {"active": false}
    await harness.append([makeNdr(1)]);
    const poller = await harness.startPoller({
      IMAP_URL: url,
      IMAP_ACCESS_TOKEN: expired,
      IMAP_BACKOFF_MAX_SECONDS: "1",
    });
    await waitFor(
      async () =>
        poller.supervisor.runners()[0]?.state() === "auth-failed" ||
        (await harness.database.db.mailbox.findFirst({ where: { status: "auth_failed" } })),
      10_000,
      "auth-failed",
    );
    await runnerGone(poller); // the event that closes the window: no runner, no retry
    const mailbox = await harness.database.db.mailbox.findUniqueOrThrow({ where: { id: poller.configMailboxId! } });
    expect(mailbox.status).toBe("auth_failed");
    expect(mailbox.lastError).toMatch(/auth/i);
    expect(mailbox.lastError).not.toContain(expired);
    const events = await harness.database.db.mailboxEvent.findMany({ where: { mailboxId: mailbox.id } });
    expect(events.map((event) => event.type)).toEqual(["mailbox.auth-failed"]);
    expect(JSON.stringify(events[0]!.detail)).not.toContain(expired);
    expect(poller.supervisor.runners()).toHaveLength(0);
    expect(await harness.database.db.rawMessage.count()).toBe(0);
    // Exactly one login attempt reached the token check: the refusal was not retried.
    expect(introspection.asked).toEqual([expired]);
    expect(introspection.asked).not.toContain(token);
  });

  it("a Mailbox row set to XOAUTH2 without a token is marked auth-failed at once, with the reason and one alarm", async () => {
    const { harness, introspection, dovecot, url } = await setupOAuth();
    const credentials = sealMailboxCredentials(TEST_KEY, { user: dovecot.user.user });
    const row = await harness.database.db.mailbox.create({
      data: { name: "api-xoauth2-no-token", url, authMethod: "xoauth2", credentials, origin: "api" },
    });
    const poller = await harness.startPoller({ IMAP_URL: "", IMAP_BACKOFF_MAX_SECONDS: "1" });
    await waitFor(
      async () =>
        (await harness.database.db.mailbox.findUniqueOrThrow({ where: { id: row.id } })).status === "auth_failed",
      10_000,
      "auth-failed",
    );
    await runnerGone(poller);
    const mailbox = await harness.database.db.mailbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(mailbox.lastError).toBe("no access token is stored for this XOAUTH2 mailbox");
    const events = await harness.database.db.mailboxEvent.findMany({ where: { mailboxId: row.id } });
    expect(events.map((event) => event.type)).toEqual(["mailbox.auth-failed"]);
    expect(poller.supervisor.runners()).toHaveLength(0);
    expect(introspection.asked).toEqual([]);
  });

  it("an introspection endpoint that fails is a temporary refusal: retried with backoff, no alarm", async () => {
    const { harness, introspection, token, url } = await setupOAuth();
    introspection.failWith(503); // Dovecot answers NO [UNAVAILABLE] Temporary authentication failure
    await harness.append([makeNdr(1)]);
    const poller = await harness.startPoller({
      IMAP_URL: url,
      IMAP_ACCESS_TOKEN: token,
      IMAP_BACKOFF_MAX_SECONDS: "1",
    });
    const runner = () => poller.supervisor.runners()[0];
    await waitFor(async () => (runner()?.failures() ?? 0) >= 1, 10_000, "a refused session");
    const during = await harness.database.db.mailbox.findUniqueOrThrow({ where: { id: poller.configMailboxId! } });
    expect(during.status).toBe("active");
    expect(during.lastError).toMatch(/temporary/i);

    // The runner retries by itself (Dovecot adds its auth_penalty delay of a few seconds per refusal).
    introspection.failWith(null);
    await waitFor(
      async () => (await harness.database.db.rawMessage.count()) === 1,
      15_000,
      "stored once the endpoint is back",
    );
    expect(runner()?.state()).not.toBe("auth-failed");
    expect(await harness.database.db.mailboxEvent.count()).toBe(0);
    expect(introspection.asked.filter((asked) => asked !== token)).toEqual([]);
  });

  it("never logs the access token (accepted or refused) nor the SASL payload carrying it, even at trace level", async () => {
    const { harness, dovecot, token, url } = await setupOAuth();
    const refused = makeToken();
    const credentials = sealMailboxCredentials(TEST_KEY, { user: dovecot.user.user, accessToken: refused });
    await harness.database.db.mailbox.create({
      data: { name: "api-refused", url, authMethod: "xoauth2", credentials, origin: "api" },
    });
    await harness.append([makeNdr(1)]);
    const logs = captureLogs();
    await harness.startPoller({ IMAP_URL: url, IMAP_ACCESS_TOKEN: token, LOG_LEVEL: "trace" }, logs.logger);
    await waitFor(
      async () => (await harness.database.db.rawMessage.count()) === 1,
      10_000,
      "stored with the good token",
    );
    await waitFor(
      async () => harness.database.db.mailbox.findFirst({ where: { name: "api-refused", status: "auth_failed" } }),
      10_000,
      "refused token marked",
    );
    await waitFor(async () => logs.output().includes("authentication failed"), 5_000, "auth failure log line");

    const output = logs.output();
    expect(output).toContain("connected and watching");
    for (const secret of [...secretsOf(dovecot.user.user, token), ...secretsOf(dovecot.user.user, refused)]) {
      expect(output).not.toContain(secret);
    }
    const stored = JSON.stringify(
      await harness.database.db.mailbox.findMany({ select: { url: true, lastError: true } }),
    );
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(refused);
  });

  it("client credentials: renews the token before it expires and keeps polling across rotations, never logging the secret", async () => {
    const { harness, introspection, dovecot, url } = await setupOAuth();
    endpoint = await startTokenEndpoint({
      introspection,
      username: dovecot.user.user,
      clientId: "safetynet-poller",
      clientSecret: CLIENT_SECRET,
      lifetimeSeconds: 4, // renewed after 3 s; revoked at the introspection endpoint after 4 s
    });
    await harness.append([makeNdr(1)]);
    const logs = captureLogs();
    const poller = await harness.startPoller(
      { ...oauthEnv(url, endpoint.url), IMAP_RESYNC_SECONDS: "600", LOG_LEVEL: "trace" },
      logs.logger,
    );
    await waitFor(async () => (await harness.database.db.rawMessage.count()) === 1, 10_000, "first message");
    // Two rotations: the first two tokens have expired (and are refused by Dovecot from then on).
    await waitFor(async () => endpoint!.issued.length >= 3, 20_000, "two token rotations");
    await waitFor(async () => poller.supervisor.runners()[0]?.state() === "idle", 10_000, "idle after rotating");
    await harness.append([makeNdr(2)]);
    await waitFor(async () => (await harness.database.db.rawMessage.count()) === 2, 10_000, "mail after rotating");

    const mailbox = await harness.database.db.mailbox.findUniqueOrThrow({ where: { id: poller.configMailboxId! } });
    expect(mailbox).toMatchObject({ authMethod: "xoauth2", status: "active" });
    expect(await harness.database.db.mailboxEvent.count()).toBe(0);
    const logins = dovecot.readLog().match(new RegExp(`Login: user=<${dovecot.user.user}>, method=XOAUTH2`, "g"));
    expect(logins?.length ?? 0).toBeGreaterThanOrEqual(3);
    // Every login used a token the endpoint issued, none a refused one; every request was well formed.
    expect(introspection.asked.filter((token) => !endpoint!.issued.includes(token))).toEqual([]);
    expect(dovecot.readLog()).not.toMatch(/Provided token is not valid/);
    expect(new Set(endpoint.requests.map((request) => JSON.stringify(request)))).toEqual(
      new Set([
        JSON.stringify({
          grantType: "client_credentials",
          clientId: "safetynet-poller",
          scope: "https://outlook.office365.com/.default",
          secretOk: true,
        }),
      ]),
    );
    const output = logs.output();
    expect(output).toContain("access token due for renewal");
    for (const secret of [CLIENT_SECRET, ...endpoint.issued]) expect(output).not.toContain(secret);
    const stored = JSON.stringify(
      await harness.database.db.mailbox.findMany({ select: { url: true, lastError: true, name: true } }),
    );
    expect(stored).not.toContain(CLIENT_SECRET);
  });

  it("a login refused with the endpoint's token asks for a new token once; a second refusal raises one alarm", async () => {
    const { harness, introspection, dovecot, url } = await setupOAuth();
    endpoint = await startTokenEndpoint({
      introspection,
      username: dovecot.user.user,
      clientId: "safetynet-poller",
      clientSecret: CLIENT_SECRET,
      lifetimeSeconds: 3600,
      refuseFirst: 1, // revoked before use: Dovecot refuses it
    });
    await harness.append([makeNdr(1)]);
    const poller = await harness.startPoller(oauthEnv(url, endpoint.url));
    await waitFor(
      async () => (await harness.database.db.rawMessage.count()) === 1,
      15_000,
      "stored with the new token",
    );
    expect(endpoint.issued).toHaveLength(2);
    expect(introspection.asked).toEqual(endpoint.issued);
    const mailbox = await harness.database.db.mailbox.findUniqueOrThrow({ where: { id: poller.configMailboxId! } });
    expect(mailbox.status).toBe("active");
    expect(await harness.database.db.mailboxEvent.count()).toBe(0);
    await poller.stop();

    // Both tokens refused: the mailbox is auth-failed after exactly two logins, with one alarm.
    const refusing = await startTokenEndpoint({
      introspection,
      username: dovecot.user.user,
      clientId: "safetynet-poller",
      clientSecret: CLIENT_SECRET,
      lifetimeSeconds: 3600,
      refuseFirst: 2,
    });
    try {
      const second = await harness.startPoller(oauthEnv(url, refusing.url));
      const failed = await waitFor(
        async () =>
          harness.database.db.mailbox.findFirst({ where: { id: second.configMailboxId!, status: "auth_failed" } }),
        15_000,
        "auth-failed after the second refusal",
      );
      await runnerGone(second);
      expect(refusing.issued).toHaveLength(2);
      const events = await harness.database.db.mailboxEvent.findMany({ where: { mailboxId: failed.id } });
      expect(events.map((event) => event.type)).toEqual(["mailbox.auth-failed"]);
    } finally {
      await refusing.close();
    }
  });
});
