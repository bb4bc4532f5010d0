// Fairness between senders, decided before the notify jobs are enqueued: a sender's first few
// messages within a window go on the ordinary lane; the rest of a burst from that sender (a mail
// merge gone wrong, a gateway outage bouncing one person's morning) and very large messages go
// on the bulk lane, a BullMQ priority that every ordinary job overtakes. Their notices are not
// delayed by it (the digest gathers them anyway); other senders' notices are never behind them.

/** BullMQ serves jobs without a priority before any prioritized one; bulk jobs carry this one. */
export const BULK_PRIORITY = 10;

export type NoticeLane = "single" | "bulk";

export interface NoticeLanes {
  /** The lane of one original message's notify job, counting it against its sender's window. */
  laneFor(sender: string | null, failedRecipients: number): NoticeLane;
}

export interface NoticeLaneRule {
  /** Messages per sender within the window that stay on the ordinary lane (NOTICE_DIGEST_THRESHOLD). */
  singlesPerSender: number;
  windowMs: number;
  /** A message with more failed recipients than this is bulk (one notice, but a long one). */
  largeMessage?: number;
  clock?: () => number;
}

export function createNoticeLanes(rule: NoticeLaneRule): NoticeLanes {
  const clock = rule.clock ?? Date.now;
  const largeMessage = rule.largeMessage ?? 100;
  const seen = new Map<string, { since: number; count: number }>();
  return {
    laneFor(sender, failedRecipients) {
      const now = clock();
      if (seen.size > 50_000) for (const [key, entry] of seen) if (now - entry.since > rule.windowMs) seen.delete(key);
      let bulk = failedRecipients > largeMessage;
      if (sender) {
        const key = sender.toLowerCase();
        const entry = seen.get(key);
        const current = entry && now - entry.since <= rule.windowMs ? entry : { since: now, count: 0 };
        current.count += 1;
        seen.set(key, current);
        if (current.count > rule.singlesPerSender) bulk = true;
      }
      return bulk ? "bulk" : "single";
    },
  };
}
