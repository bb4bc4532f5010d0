// `safetynet canary [--timeout SECONDS]`: sends one probe now through CANARY_SMTP_URL (default
// SMTP_URL), waits for its NDR to come back into the safety-net mailbox through the running service
// (poller + worker), prints the round trip and exits 0; or exits 1 saying what did not come back.
import { CANARY_CONFIG_KEYS, sendCanaryProbe, waitForCanaryReturn } from "@safetynet/canary";
import { loadConfig } from "@safetynet/config";
import { formatDuration } from "@safetynet/core";
import { createDbClient, observeMailboxes } from "@safetynet/db";
import { readArgs, UsageError } from "../read-args.js";

const USAGE = "usage: safetynet canary [--timeout SECONDS]   (default 300)\n";

/** --timeout SECONDS as a positive number; a UsageError otherwise. */
function readTimeout(value: string | undefined): number {
  if (value === undefined) return 300;
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) {
    throw new UsageError(`--timeout expects a number of seconds above 0, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/** host:port only: an SMTP URL may carry credentials. */
function where(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}`;
}

export async function run(args: string[]): Promise<number> {
  const { values } = readArgs({
    args,
    options: { timeout: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const timeout = readTimeout(values.timeout);
  const config = loadConfig([...CANARY_CONFIG_KEYS, "DATABASE_URL"]);
  if (!config.CANARY_TO) {
    process.stderr.write(
      "canary: CANARY_TO is not set: there is no recipient for the probe (see the README's run contract)\n",
    );
    return 1;
  }
  const path = where(config.CANARY_SMTP_URL ?? config.SMTP_URL);
  const db = createDbClient(config.DATABASE_URL, { poolSize: 2 });
  try {
    let probe: Awaited<ReturnType<typeof sendCanaryProbe>>;
    try {
      probe = await sendCanaryProbe(db, config, { origin: "cli" });
    } catch (error) {
      process.stderr.write(`canary: ${error instanceof Error ? error.message : String(error)} (via ${path})\n`);
      return 1;
    }
    process.stdout.write(
      `canary: probe ${probe.probeId} sent ${probe.sentAt.toISOString()} via ${path} to ${config.CANARY_TO}; waiting up to ${timeout} s for its NDR\n`,
    );
    const run = await waitForCanaryReturn(db, probe.probeId, { timeoutMs: timeout * 1000 });
    if (run?.returnedAt) {
      const roundTrip = run.returnedAt.getTime() - run.sentAt.getTime();
      process.stdout.write(
        `canary: OK: the NDR came back into the safety-net mailbox after ${formatDuration(Math.max(0, roundTrip))} (${Math.max(0, roundTrip)} ms; stored ${run.returnedAt.toISOString()})\n`,
      );
      return 0;
    }
    const lines = [
      `canary: FAILED: no NDR came back for probe ${probe.probeId} within ${timeout} s.`,
      `  The path ${path} accepted the probe (${probe.smtpResponse.trim() || "no reply text"}), but its NDR did not reach the safety-net mailbox and the service.`,
      "  Check, in order: the DLP filter still refuses a CPR number in the subject; its NDR is routed to the safety-net",
      "  mailbox; `safetynet start` (poller and worker) is running against this database.",
    ];
    for (const mailbox of await observeMailboxes(db, new Date())) {
      if (mailbox.status !== "active")
        lines.push(`  Mailbox "${mailbox.name}" is ${mailbox.status.replace("_", "-")}.`);
      else if (mailbox.disconnectedSince)
        lines.push(
          `  Mailbox "${mailbox.name}": the poller has been disconnected since ${mailbox.disconnectedSince.toISOString()}.`,
        );
    }
    process.stderr.write(`${lines.join("\n")}\n`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}
