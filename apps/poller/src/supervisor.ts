// Keeps one runner per active mailbox row: starts runners for new rows, restarts them when their
// settings change, stops them when a row is paused or removed. Re-reads the table periodically.
import type { Logger } from "@safetynet/config";
import { listMailboxesToPoll } from "@safetynet/db";
import { type MailboxRunner, type RunnerDeps, startMailboxRunner } from "./mailbox-runner.js";
import { settingsFor } from "./mailbox-settings.js";
import { WakeSignal } from "./wake-signal.js";

export interface Supervisor {
  runners(): MailboxRunner[];
  /** Re-read the Mailbox table now. */
  reload(): Promise<void>;
  stop(): Promise<void>;
}

export interface SupervisorDeps extends RunnerDeps {
  log: Logger;
  /** Re-enqueues messages stored but not yet taken by the worker (see requeueStoredMessages). */
  sweep: () => Promise<number>;
}

export function startSupervisor(deps: SupervisorDeps): Supervisor {
  const runners = new Map<string, MailboxRunner>();
  const wake = new WakeSignal();
  let stopping = false;

  let warnedEmpty = false;
  async function reload(): Promise<void> {
    const rows = await listMailboxesToPoll(deps.db);
    // Watching nothing must be visible: set IMAP_URL or add a mailbox through the API.
    if (rows.length === 0 && !warnedEmpty)
      deps.log.warn("no active mailbox to watch (IMAP_URL unset and no active Mailbox rows)");
    warnedEmpty = rows.length === 0;
    const wanted = new Map(rows.map((row) => [row.id, row]));
    for (const [id, runner] of runners) {
      const row = wanted.get(id);
      const keep =
        row &&
        settingsFor(row, deps.config).fingerprint === runner.settings.fingerprint &&
        runner.state() !== "stopped";
      // An auth-failed runner has stopped itself; its row is no longer active, so it goes here.
      if (!keep) {
        runners.delete(id);
        await runner.stop();
      }
    }
    for (const row of rows) {
      if (runners.has(row.id)) continue;
      try {
        runners.set(row.id, startMailboxRunner(settingsFor(row, deps.config), deps));
      } catch (error) {
        deps.log.error(
          { mailboxId: row.id, error: error instanceof Error ? error.message : String(error) },
          "cannot start mailbox: bad settings",
        );
      }
    }
  }

  let lastSweep = 0;
  const sweepEveryMs = deps.config.IMAP_FULL_SYNC_SECONDS * 1000;
  const loop = (async () => {
    while (!stopping) {
      await reload().catch((error: unknown) =>
        deps.log.warn({ error: String(error) }, "could not read the mailbox table; retrying"),
      );
      if (Date.now() - lastSweep >= sweepEveryMs) {
        lastSweep = Date.now();
        await deps.sweep().then(
          (count) =>
            count && deps.log.info({ requeued: count }, "re-enqueued stored messages not yet taken by the worker"),
          (error: unknown) => deps.log.warn({ error: String(error) }, "sweep of stored messages failed; will retry"),
        );
      }
      await wake.wait(deps.config.IMAP_MAILBOX_RELOAD_SECONDS * 1000);
    }
  })();

  return {
    runners: () => [...runners.values()],
    reload,
    async stop() {
      stopping = true;
      wake.notify();
      await loop;
      await Promise.all([...runners.values()].map((runner) => runner.stop()));
      runners.clear();
    },
  };
}
