// A periodic full comparison (resync) with CONDSTORE: an unchanged mailbox costs the pass's NOOP
// and STATUS and nothing else; a changed one lists only what changed. Counts the IMAP commands the
// poller's own sync pass sends to a real Dovecot, through imapflow's logger.
import { createLogger } from "@safetynet/config";
import { createRawMessageCipher, createUtcSqlPool, listMailboxesToPoll, loadMailboxSyncState } from "@safetynet/db";
import { createIngestor } from "@safetynet/ingest";
import { createQueue } from "@safetynet/queue";
import { ImapFlow } from "imapflow";
import { afterEach, describe, expect, it } from "vitest";
import { settingsFor } from "./mailbox-settings.js";
import { readPollerConfig } from "./poller-config.js";
import { registerConfigMailbox } from "./register-config-mailbox.js";
import { syncMailbox } from "./sync-mailbox.js";
import { makeNdr } from "./test-support/make-ndr.js";
import { type PollerTest, setupPollerTest } from "./test-support/poller-harness.js";

let harness: PollerTest | undefined;
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close().catch(() => undefined);
  await harness?.cleanup();
  harness = undefined;
});

/** imapflow logs every command it sends at debug level as `{src: "c", msg: "<tag> <COMMAND> ..."}`. */
function commandLog(): { logger: object; commands: string[] } {
  const commands: string[] = [];
  const record = (entry: { src?: string; msg?: string }) => {
    if (entry?.src === "c" && typeof entry.msg === "string") {
      const words = entry.msg.split(" ");
      commands.push((words[1] === "UID" ? `UID ${words[2]}` : (words[1] ?? "")).toUpperCase());
    }
  };
  const quiet = () => {};
  return { logger: { debug: record, trace: quiet, info: quiet, warn: quiet, error: quiet }, commands };
}

describe("resync with CONDSTORE/HIGHESTMODSEQ against Dovecot", () => {
  it("an unchanged mailbox of 200 messages: NOOP and STATUS only; one new message: listed and fetched alone", async () => {
    harness = await setupPollerTest();
    const { database, redis, user } = harness;
    await harness.append(Array.from({ length: 200 }, (_, i) => makeNdr(i)));

    const config = readPollerConfig(harness.env({ IMAP_MARK: "none" }));
    await registerConfigMailbox(database.db, config);
    const [row] = await listMailboxesToPoll(database.db);
    const settings = settingsFor(row!, config);
    const queue = createQueue("ingest", { connection: redis.connection(), prefix: redis.prefix });
    closers.push(() => queue.close());
    const sql = createUtcSqlPool(database.url, { poolSize: 2 });
    closers.push(() => sql.end());
    const ingestor = createIngestor({
      db: database.db,
      sql,
      queue,
      cipher: createRawMessageCipher(config.SAFETYNET_KEY),
      maxMessageBytes: config.MAX_MESSAGE_BYTES,
    });
    const log = commandLog();
    const client = new ImapFlow({
      host: user.host,
      port: user.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: user.user, pass: user.pass },
      logger: log.logger as never,
      disableAutoIdle: true,
    });
    client.on("error", () => {});
    await client.connect();
    closers.push(() => client.logout());
    await client.mailboxOpen("INBOX");
    expect(client.enabled.has("CONDSTORE")).toBe(true);

    const pass = async (useModseq = true) => {
      log.commands.length = 0;
      const summary = await syncMailbox({
        client,
        db: database.db,
        sql,
        ingestor,
        settings,
        keyword: config.IMAP_KEYWORD,
        batchSize: 500,
        fullSyncEveryMs: 0, // every pass is a due full comparison
        maxMessageBytes: config.MAX_MESSAGE_BYTES,
        log: createLogger({ level: "silent" }),
        useModseq,
        stopping: () => false,
      });
      return { summary, commands: [...log.commands] };
    };

    const seed = await pass();
    expect(seed.summary).toMatchObject({ decision: "seed", listed: 200, fetched: 200, stored: 200 });
    const afterSeed = await loadMailboxSyncState(database.db, settings.id);
    expect(afterSeed.highestModseq).not.toBeNull();

    // Nothing changed: the comparison is recorded without SEARCH or FETCH.
    const unchanged = await pass();
    expect(unchanged.summary).toMatchObject({ decision: "unchanged", listed: 0, fetched: 0 });
    expect(unchanged.commands).toEqual(["NOOP", "STATUS"]);
    const afterUnchanged = await loadMailboxSyncState(database.db, settings.id);
    expect(afterUnchanged.lastFullSyncAt!.getTime()).toBeGreaterThan(afterSeed.lastFullSyncAt!.getTime());

    // One new message: only it is listed (UID SEARCH MODSEQ) and fetched.
    await harness.append([makeNdr(1000)]);
    const changed = await pass();
    expect(changed.summary).toMatchObject({ decision: "full", listed: 1, fetched: 1, stored: 1 });
    expect(changed.commands.filter((command) => command === "UID SEARCH")).toHaveLength(1);
    expect(changed.commands.filter((command) => command === "UID FETCH")).toHaveLength(1);
    expect(await database.db.rawMessage.count()).toBe(201);

    // And unchanged again after that; the first pass after a start still lists every UID.
    expect((await pass()).commands).toEqual(["NOOP", "STATUS"]);
    expect((await pass(false)).summary).toMatchObject({ decision: "full", listed: 201, fetched: 0 });
  });
});
