// Waits for a probe's NDR to come back through the running service (poller + worker), by polling
// its CanaryRun row until it is returned or the time is up.
import { type CanaryRunRow, type DbClient, loadCanaryRun } from "@safetynet/db";

export async function waitForCanaryReturn(
  db: DbClient,
  probeId: string,
  options: { timeoutMs: number; pollMs?: number },
): Promise<CanaryRunRow | null> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const run = await loadCanaryRun(db, probeId);
    if (run?.returnedAt) return run;
    if (Date.now() >= deadline) return run;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(options.pollMs ?? 500, Math.max(1, deadline - Date.now()))),
    );
  }
}
