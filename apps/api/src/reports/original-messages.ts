// Reports count failed *original messages*, not failed recipients: one mail to three
// recipients that all bounced is one lost mail in the authority's tables. An original is
// identified by its Message-ID, else by the NDR that reported it. Each original is put in exactly
// one row of a table (its earliest year; its least settled outcome), so the rows add up to the total.
import { type FailureFilter, failureCondition, SENT_AT } from "../failures/failure-filter.js";

/** Outcomes from least to most settled: an original with mixed recipients shows the first that applies. */
export const OUTCOME_ORDER = ["untriaged", "not-contacted", "no-longer-employed", "closed-other", "resent"] as const;

/**
 * SQL (with its values) of one row per original message matching the filter:
 * key, year (sent), outcome (least settled), cause, responsible, recipientDomain, sender (each the
 * smallest value among its recipients, so every original lands in exactly one group).
 */
export function originalMessagesSql(filter: Partial<FailureFilter>): { text: string; values: unknown[] } {
  const condition = failureCondition(filter);
  const rank = OUTCOME_ORDER.map((outcome, index) => `WHEN '${outcome}' THEN ${index}`).join(" ");
  const text = `
    SELECT COALESCE(f."originalMessageId", f."rawMessageId") AS key,
      min(extract(year FROM ${SENT_AT}))::int AS year,
      (ARRAY[${OUTCOME_ORDER.map((outcome) => `'${outcome}'`).join(", ")}])[
        1 + min(CASE f.outcome::text ${rank} END)] AS outcome,
      min(f.cause) AS cause,
      min(f.responsible) AS responsible,
      min(COALESCE(f."recipientDomain", '(unknown)')) AS "recipientDomain",
      min(lower(f."originalSender")) AS sender
    FROM "Failure" f
    WHERE ${condition.where}
    GROUP BY 1`;
  return { text, values: condition.values };
}
