-- The update trigger of the report summary plans its join of the transition tables on every call
-- (EXECUTE). A plan kept by PL/pgSQL keeps the row estimate of the transition tables at its first
-- call in the session: after a one-row update (a notice for one failure) the next 10,000-row update
-- (the notice of a 10,000-recipient DSN marking its failures notified) joined old and new rows by
-- nested loop, 10^8 comparisons, 34 s on this machine. Planned with the real row counts it is a hash
-- join. Semicolons inside the body are written \073: the migration runner splits on them.
CREATE OR REPLACE FUNCTION report_summary_after_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  EXECUTE ''SELECT report_summary_apply((
    SELECT array_agg(DISTINCT both_keys.key) FROM (
      SELECT COALESCE(o."originalMessageId", o."rawMessageId") AS old_key, COALESCE(n."originalMessageId", n."rawMessageId") AS new_key
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o."originalMessageId", o."rawMessageId", o."originalDate", o."failedAt", o.outcome)
        IS DISTINCT FROM (n."originalMessageId", n."rawMessageId", n."originalDate", n."failedAt", n.outcome)
    ) changed, LATERAL (VALUES (changed.old_key), (changed.new_key)) AS both_keys(key)))''\073
  RETURN NULL\073
END
';
