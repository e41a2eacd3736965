-- What a plan phase needs beyond V3: a plain-words time of day, the lock of post-surgery phases, the step
-- target rule (baseline + boost, rising by at most weekly_rise a week, capped), and the acute phase's pain gate.
alter table plan_phase
    add column timing              text     not null default '',
    add column locked              boolean  not null default false,
    add column step_boost          int check (step_boost between 0 and 100000),
    add column step_weekly_rise    int      not null default 0 check (step_weekly_rise between 0 and 1000),
    add column step_cap            int      not null default 10000 check (step_cap between 0 and 100000),
    add column pain_gate_max       int check (pain_gate_max between 0 and 10),
    add column pain_gate_check_ins int check (pain_gate_check_ins between 1 and 14);

-- Which flag paused the plan (null when a clinician paused it); every change touches updated_at, so the
-- plan's version moves with any change to its phases.
alter table plan
    add column paused_for_flag text,
    add column updated_at      timestamptz not null default now();

-- A proposal names the phase it moves from and to (equal for "shorter walks").
alter table plan_proposal
    add column from_phase int,
    add column to_phase   int;
create unique index plan_proposal_one_pending on plan_proposal (plan_id) where status = 'PENDING';

-- The name of whoever made a change, as shown in the history (null: the system).
alter table plan_change
    add column changed_by_name text;
