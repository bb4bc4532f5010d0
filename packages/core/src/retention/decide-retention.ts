// The retention rule for stored raw messages (RETENTION_DAYS): pure, so the purge job, its tests
// and a reader of the rule see the same decision. Only the encrypted bytes go; the masked failure
// rows (what the yearly tables and outcome reports count) stay, and so does the message row.

export interface RetentionFacts {
  /** When the safety-net mailbox got it (the poller's store time, or the import's). */
  receivedAt: Date;
  /** The IMAP server's arrival date, when known. */
  internalDate: Date | null;
  /** The earliest failedAt of its failures: a back-filled 2018 NDR is as old as that, not as its import. */
  earliestFailedAt: Date | null;
  state: "stored" | "parsed" | "quarantined";
  purgedAt: Date | null;
}

export type RetentionDecision = "purge" | "keep";

const DAY_MS = 24 * 3600 * 1000;

/** Messages that arrived before this instant are past retention. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** How old the message's content is: its earliest known date. */
export function messageAge(facts: RetentionFacts): Date {
  const dates = [facts.receivedAt, facts.internalDate, facts.earliestFailedAt].filter((d): d is Date => d !== null);
  return new Date(Math.min(...dates.map((d) => d.getTime())));
}

/**
 * Purge a message's bytes once its earliest date is past the cutoff. A message still `stored`
 * (not parsed yet) is kept until it is: purging it first would lose the failures the reports need.
 * A purged message stays purged (the decision is idempotent).
 */
export function decideRetention(facts: RetentionFacts, now: Date, retentionDays: number): RetentionDecision {
  if (facts.purgedAt !== null) return "keep";
  if (facts.state === "stored") return "keep";
  return messageAge(facts) < retentionCutoff(now, retentionDays) ? "purge" : "keep";
}
