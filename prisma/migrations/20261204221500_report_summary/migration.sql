-- CreateTable
CREATE TABLE "ReportOriginal" (
    "key" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "outcome" "TriageOutcome" NOT NULL,
    "failures" INTEGER NOT NULL,

    CONSTRAINT "ReportOriginal_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ReportCount" (
    "year" INTEGER NOT NULL,
    "outcome" "TriageOutcome" NOT NULL,
    "originals" INTEGER NOT NULL,
    "failures" INTEGER NOT NULL,

    CONSTRAINT "ReportCount_pkey" PRIMARY KEY ("year","outcome")
);

-- CreateIndex
CREATE INDEX "Failure_originalMessageId_idx" ON "Failure"("originalMessageId");

-- CreateIndex
CREATE INDEX "Failure_cause_serious_failedAt_idx" ON "Failure"("cause", "serious", "failedAt");


-- Report summary (apps/api reports): the yearly and outcome tables count failed *original*
-- messages, each under its earliest sent year and least settled outcome. Computed on request
-- that is a GROUP BY over every failure (a million rows: seconds), and no index can make a
-- count of distinct originals per group cheap. So the summary is kept here, by triggers, in the
-- same transaction as each write that changes it: inserting failures (ingest, import), setting
-- an outcome (API, bulk update), deleting (retention, cascades). Triggers rather than code in
-- each writer, because there are several writers and a missed one would make the figures wrong
-- for good, and a materialized view would be stale between refreshes. The triggers recompute each
-- affected original from its failures, so the figures are exact, not incremented guesses.

-- The outcome an original counts under: the least settled of its recipients' outcomes.
CREATE FUNCTION report_outcome_rank(o "TriageOutcome") RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE o::text WHEN 'untriaged' THEN 0 WHEN 'not-contacted' THEN 1 WHEN 'no-longer-employed' THEN 2
    WHEN 'closed-other' THEN 3 ELSE 4 END
$$;

-- The function bodies below are E'' strings with \073 for each semicolon: Prisma's migration
-- runner (driver adapter) splits the script at every semicolon, even inside $$ quoting.

-- Recompute the summary rows of these originals (keys: Message-ID, else raw message id).
-- It takes one transaction-scoped advisory lock first, so one summary writer works at a time
-- until commit. Two transactions changing recipients of the same original would otherwise each
-- recompute it from a snapshot without the other's rows. Each statement after the lock takes a
-- fresh snapshot (READ COMMITTED), so it sees what the previous holder committed. Failure
-- writes are few (NDRs, staff triage), so the wait is short. Recipients are found by
-- "originalMessageId" = key, else "rawMessageId" = key without a Message-ID: the same as
-- COALESCE("originalMessageId", "rawMessageId") = key, written so both indexes serve it.
CREATE FUNCTION report_summary_apply(keys text[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF keys IS NULL OR cardinality(keys) = 0 THEN RETURN\073 END IF\073
  PERFORM pg_advisory_xact_lock(727015)\073
  WITH gone AS (
    DELETE FROM "ReportOriginal" r WHERE r.key = ANY(keys) RETURNING r.year, r.outcome, r.failures
  )
  INSERT INTO "ReportCount" (year, outcome, originals, failures)
  SELECT year, outcome, -count(*), -sum(failures) FROM gone GROUP BY year, outcome
  ON CONFLICT (year, outcome) DO UPDATE SET originals = "ReportCount".originals + excluded.originals,
    failures = "ReportCount".failures + excluded.failures\073
  WITH k AS (SELECT DISTINCT unnest(keys) AS key),
  recipients AS (
    SELECT k.key, f."originalDate", f."failedAt", f.outcome
    FROM k JOIN "Failure" f ON f."originalMessageId" = k.key
    UNION ALL
    SELECT k.key, f."originalDate", f."failedAt", f.outcome
    FROM k JOIN "Failure" f ON f."rawMessageId" = k.key AND f."originalMessageId" IS NULL
  ),
  fresh AS (
    INSERT INTO "ReportOriginal" (key, year, outcome, failures)
    SELECT key, min(extract(year FROM COALESCE("originalDate", "failedAt")))::int,
      (ARRAY[''untriaged'', ''not-contacted'', ''no-longer-employed'', ''closed-other'', ''resent'']::"TriageOutcome"[])[
        1 + min(report_outcome_rank(outcome))],
      count(*)
    FROM recipients GROUP BY key
    RETURNING year, outcome, failures
  )
  INSERT INTO "ReportCount" (year, outcome, originals, failures)
  SELECT year, outcome, count(*), sum(failures) FROM fresh GROUP BY year, outcome
  ON CONFLICT (year, outcome) DO UPDATE SET originals = "ReportCount".originals + excluded.originals,
    failures = "ReportCount".failures + excluded.failures\073
END
';

CREATE FUNCTION report_summary_after_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM report_summary_apply(
    (SELECT array_agg(DISTINCT COALESCE(n."originalMessageId", n."rawMessageId")) FROM new_rows n))\073
  RETURN NULL\073
END
';

-- Updates: only rows whose key, dates or outcome changed count (a note or the serious flag
-- changes no figure), under both their old and new key.
CREATE FUNCTION report_summary_after_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM report_summary_apply((
    SELECT array_agg(DISTINCT both_keys.key) FROM (
      SELECT COALESCE(o."originalMessageId", o."rawMessageId") AS old_key, COALESCE(n."originalMessageId", n."rawMessageId") AS new_key
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o."originalMessageId", o."rawMessageId", o."originalDate", o."failedAt", o.outcome)
        IS DISTINCT FROM (n."originalMessageId", n."rawMessageId", n."originalDate", n."failedAt", n.outcome)
    ) changed, LATERAL (VALUES (changed.old_key), (changed.new_key)) AS both_keys(key)))\073
  RETURN NULL\073
END
';

CREATE FUNCTION report_summary_after_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM report_summary_apply(
    (SELECT array_agg(DISTINCT COALESCE(o."originalMessageId", o."rawMessageId")) FROM old_rows o))\073
  RETURN NULL\073
END
';

CREATE FUNCTION report_summary_after_truncate() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE "ReportOriginal", "ReportCount"\073
  RETURN NULL\073
END
';

CREATE TRIGGER report_summary_insert AFTER INSERT ON "Failure" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_summary_after_insert();
CREATE TRIGGER report_summary_update AFTER UPDATE ON "Failure" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_summary_after_update();
CREATE TRIGGER report_summary_delete AFTER DELETE ON "Failure" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_summary_after_delete();
CREATE TRIGGER report_summary_truncate AFTER TRUNCATE ON "Failure"
  FOR EACH STATEMENT EXECUTE FUNCTION report_summary_after_truncate();

-- Failures already stored.
SELECT report_summary_apply(array_agg(DISTINCT COALESCE("originalMessageId", "rawMessageId"))) FROM "Failure";
