-- Progression is re-evaluated off the check-in's write path: a check-in records that its patient's plan is
-- due for an evaluation (one row per patient however many check-ins arrive), and a job claims due rows
-- within minutes (several instances: each claims with FOR UPDATE SKIP LOCKED and deletes what it took).
-- No foreign key: the row is a hint, and a key check would be one more trigger query on every check-in.
create table progression_pending (
    patient_id bigint      primary key,
    due_at     timestamptz not null
);
create index progression_pending_due_idx on progression_pending (due_at);
