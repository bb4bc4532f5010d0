// What the alarm job needs to know about each mailbox: status, since when its poller is
// disconnected, its latest live message and its usual gap between messages, learned from the
// gaps of the last LEARN_DAYS (only the few largest leave the database; the rule is in core).
import { largestGapsNeeded, learnUsualGap, type MailboxObservation } from "@safetynet/core";
import type { DbClient } from "./create-db-client.js";

export const LEARN_DAYS = 28;

interface GapRow {
  mailboxId: string;
  gapMs: number;
  count: number;
}

export async function observeMailboxes(db: DbClient, now: Date): Promise<MailboxObservation[]> {
  const mailboxes = await db.mailbox.findMany({
    select: { id: true, name: true, status: true, disconnectedSince: true },
    orderBy: { name: "asc" },
  });
  if (!mailboxes.length) return [];
  const latest = await db.rawMessage.groupBy({
    by: ["mailboxId"],
    where: { source: "live", mailboxId: { not: null } },
    _max: { receivedAt: true },
  });
  const since = new Date(now.getTime() - LEARN_DAYS * 86_400_000);
  // Gaps between consecutive live messages per mailbox; per mailbox only the largest
  // floor(count/100)+1 rows come back (the rule sets the top 1% aside).
  const gaps = await db.$queryRaw<GapRow[]>`
    WITH gaps AS (
      SELECT "mailboxId",
             EXTRACT(EPOCH FROM ("receivedAt" - lag("receivedAt") OVER (PARTITION BY "mailboxId" ORDER BY "receivedAt"))) * 1000 AS gap
      FROM "RawMessage"
      WHERE source = 'live' AND "mailboxId" IS NOT NULL AND "receivedAt" >= ${since} AND "receivedAt" <= ${now}
    ), ranked AS (
      SELECT "mailboxId", gap,
             row_number() OVER (PARTITION BY "mailboxId" ORDER BY gap DESC) AS rank,
             count(*) OVER (PARTITION BY "mailboxId") AS total
      FROM gaps WHERE gap IS NOT NULL
    )
    SELECT "mailboxId", gap::float8 AS "gapMs", total::int AS count
    FROM ranked WHERE rank <= floor(total / 100) + 1
    ORDER BY "mailboxId", gap DESC`;
  const byMailbox = new Map<string, { count: number; largest: number[] }>();
  for (const row of gaps) {
    const entry = byMailbox.get(row.mailboxId) ?? { count: Number(row.count), largest: [] };
    entry.largest.push(Number(row.gapMs));
    byMailbox.set(row.mailboxId, entry);
  }
  const lastAt = new Map(latest.map((row) => [row.mailboxId, row._max.receivedAt]));
  return mailboxes.map((mailbox) => {
    const learned = byMailbox.get(mailbox.id);
    return {
      id: mailbox.id,
      name: mailbox.name,
      status: mailbox.status,
      disconnectedSince: mailbox.disconnectedSince,
      lastMessageAt: lastAt.get(mailbox.id) ?? null,
      usualGapMs:
        learned && learned.largest.length >= largestGapsNeeded(learned.count)
          ? learnUsualGap(learned.count, learned.largest)
          : null,
    };
  });
}
