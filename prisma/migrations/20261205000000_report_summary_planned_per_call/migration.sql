-- The report summary triggers plan their statements on each call (EXECUTE), with the sizes of
-- this call's rows. PL/pgSQL caches a statement's plan per connection, and the service's pools
-- run with plan_cache_mode=force_generic_plan: a plan made while the tables or the statement's
-- rows were small was kept for a 10,000-recipient DSN. bench/e2e storm: one notice's "sent"
-- record (10,000 failures) took 20 s of PostgreSQL CPU in the update trigger, a nested loop of
-- old_rows x new_rows planned for one row, and starved every other sender's notice of a core.
-- Planning these few statements per call costs well under a millisecond.
-- The changed rows are found with EXCEPT (hashed or sorted, never a nested loop), and the
-- summary statements filter with = ANY(keys) planned for this call's keys.
-- The function bodies are E'' strings with \073 for each semicolon (see 20261204221500).

CREATE OR REPLACE FUNCTION report_summary_apply(keys text[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF keys IS NULL OR cardinality(keys) = 0 THEN RETURN\073 END IF\073
  PERFORM pg_advisory_xact_lock(727015)\073
  EXECUTE ''
  WITH gone AS (
    DELETE FROM "ReportOriginal" r WHERE r.key = ANY($1) RETURNING r.year, r.outcome, r.failures
  )
  INSERT INTO "ReportCount" (year, outcome, originals, failures)
  SELECT year, outcome, -count(*), -sum(failures) FROM gone GROUP BY year, outcome
  ON CONFLICT (year, outcome) DO UPDATE SET originals = "ReportCount".originals + excluded.originals,
    failures = "ReportCount".failures + excluded.failures'' USING keys\073
  EXECUTE ''
  WITH recipients AS (
    SELECT f."originalMessageId" AS key, f."originalDate", f."failedAt", f.outcome
    FROM "Failure" f WHERE f."originalMessageId" = ANY($1)
    UNION ALL
    SELECT f."rawMessageId", f."originalDate", f."failedAt", f.outcome
    FROM "Failure" f WHERE f."rawMessageId" = ANY($1) AND f."originalMessageId" IS NULL
  ),
  fresh AS (
    INSERT INTO "ReportOriginal" (key, year, outcome, failures)
    SELECT key, min(extract(year FROM COALESCE("originalDate", "failedAt")))::int,
      (ARRAY[''''untriaged'''', ''''not-contacted'''', ''''no-longer-employed'''', ''''closed-other'''', ''''resent'''']::"TriageOutcome"[])[
        1 + min(report_outcome_rank(outcome))],
      count(*)
    FROM recipients GROUP BY key
    RETURNING year, outcome, failures
  )
  INSERT INTO "ReportCount" (year, outcome, originals, failures)
  SELECT year, outcome, count(*), sum(failures) FROM fresh GROUP BY year, outcome
  ON CONFLICT (year, outcome) DO UPDATE SET originals = "ReportCount".originals + excluded.originals,
    failures = "ReportCount".failures + excluded.failures'' USING keys\073
END
';

CREATE OR REPLACE FUNCTION report_summary_after_update() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  changed text[]\073
BEGIN
  EXECUTE ''
  WITH before AS (
    SELECT id, "originalMessageId", "rawMessageId", "originalDate", "failedAt", outcome FROM old_rows
  ), after AS (
    SELECT id, "originalMessageId", "rawMessageId", "originalDate", "failedAt", outcome FROM new_rows
  ), moved AS (
    (SELECT * FROM before EXCEPT SELECT * FROM after)
    UNION ALL
    (SELECT * FROM after EXCEPT SELECT * FROM before)
  )
  SELECT array_agg(DISTINCT COALESCE("originalMessageId", "rawMessageId")) FROM moved'' INTO changed\073
  PERFORM report_summary_apply(changed)\073
  RETURN NULL\073
END
';
