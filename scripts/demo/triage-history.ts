// Gives the demo's back-filled history the triage a team would have done: waits until the worker
// has classified every imported NDR, then records outcomes (mostly resent, some closed or no longer
// employed, a few left untriaged) and marks some cases serious, deterministically per failure.
//   DATABASE_URL=... npx tsx scripts/demo/triage-history.ts EXPECTED_FAILURES
import { createHash } from "node:crypto";
import { createDbClient, type TriageOutcome } from "@safetynet/db";

const expected = Number(process.argv[2] ?? 947);
const db = createDbClient(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/safetynet", {
  poolSize: 2,
});
const deadline = Date.now() + 300_000;
let count = 0;
while ((count = await db.failure.count({ where: { backfilled: true } })) < expected) {
  if (Date.now() > deadline) {
    process.stderr.write(
      `demo history: only ${count} of ${expected} back-filled failures classified after 5 minutes\n`,
    );
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
const failures = await db.failure.findMany({
  where: { backfilled: true, outcome: "untriaged", triagedAt: null },
  select: { id: true, failedAt: true },
});
const buckets = new Map<string, string[]>();
for (const failure of failures) {
  const roll = createHash("sha256").update(failure.id).digest()[0]! / 256;
  // Most were resent once found; older years were found late, so fewer were left open then.
  const outcome: TriageOutcome =
    roll < 0.56
      ? "resent"
      : roll < 0.72
        ? "closed_other"
        : roll < 0.84
          ? "not_contacted"
          : roll < 0.9
            ? "no_longer_employed"
            : "untriaged";
  const serious = createHash("sha256").update(`serious-${failure.id}`).digest()[0]! < 13; // about 5%
  const key = `${outcome}/${serious}`;
  buckets.set(key, [...(buckets.get(key) ?? []), failure.id]);
}
for (const [key, ids] of buckets) {
  const [outcome, serious] = key.split("/") as [TriageOutcome, string];
  await db.failure.updateMany({
    where: { id: { in: ids } },
    data: {
      outcome,
      serious: serious === "true",
      ...(outcome === "untriaged" ? {} : { triagedBy: "demo-team@kommune.example", triagedAt: new Date() }),
    },
  });
}
process.stdout.write(
  `demo history: ${count} back-filled failures classified; outcomes recorded for ${failures.length}\n`,
);
await db.$disconnect();
