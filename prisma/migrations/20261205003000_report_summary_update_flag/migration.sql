-- Most updates of "Failure" change no report figure: a notice's "sent" record sets notifiedTo, the
-- grouping sets incidentId. Planning the update trigger's EXCEPT on every call (20261205000000) cost
-- them about 0.1 ms of PostgreSQL CPU each (2,000 one-row updates: 97 ms before, 290 ms after).
-- A row-level trigger whose WHEN clause compares the counted columns (evaluated in C, no call when
-- nothing counted changed) now marks the statement, and the statement trigger returns at once when
-- it is unmarked. AFTER ROW triggers fire before the AFTER STATEMENT trigger of the same statement;
-- the mark is transaction-local and cleared by the statement that reads it.

CREATE FUNCTION report_summary_mark_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM set_config(''safetynet.report_summary_changed'', ''on'', true)\073
  RETURN NULL\073
END
';

CREATE TRIGGER report_summary_changed AFTER UPDATE ON "Failure" FOR EACH ROW
  WHEN ((OLD."originalMessageId", OLD."rawMessageId", OLD."originalDate", OLD."failedAt", OLD.outcome)
    IS DISTINCT FROM (NEW."originalMessageId", NEW."rawMessageId", NEW."originalDate", NEW."failedAt", NEW.outcome))
  EXECUTE FUNCTION report_summary_mark_changed();

CREATE OR REPLACE FUNCTION report_summary_after_update() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  changed text[]\073
BEGIN
  IF current_setting(''safetynet.report_summary_changed'', true) IS DISTINCT FROM ''on'' THEN RETURN NULL\073 END IF\073
  PERFORM set_config(''safetynet.report_summary_changed'', '''', true)\073
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
