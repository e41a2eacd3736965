-- Dashboard read models (caseload, patient chart, overview).
-- A day's overall pain is the last score reported that day: the latest pain, the baseline, the 28-day
-- sparkline and the chart's daily series read (date, id, overall_pain) of the scored check-ins only,
-- so this partial index answers them without visiting the table.
create index check_in_patient_pain_idx on check_in (patient_id, date, id) include (overall_pain)
    where overall_pain is not null;

-- The 7-day adherence sums walked minutes per day: an index-only scan instead of one table visit per walk.
create index walk_patient_date_minutes_idx on walk (patient_id, date) include (minutes);
