create sequence plan_seq start with 1 increment by 50;
create table plan (
    id               bigint primary key,
    clinic_id        bigint      not null references clinic (id),
    patient_id       bigint      not null references patient (id),
    template         text        not null check (template in ('STANDARD', 'ACUTE', 'POST_SURGERY')),
    status           text        not null check (status in ('DRAFT', 'ACTIVE', 'PAUSED', 'ENDED')),
    current_phase    int         not null,
    phase_started_on date,
    start_date       date        not null,
    auto_advance     boolean     not null default false,
    override_reason  text,
    pause_reason     text,
    created_at       timestamptz not null default now(),
    created_by       bigint references app_user (id),
    activated_at     timestamptz,
    ended_at         timestamptz,
    version          bigint      not null default 0
);
create index plan_patient_idx on plan (patient_id, status);
-- At most one plan that is not ended per patient.
create unique index plan_one_live_per_patient on plan (patient_id) where status <> 'ENDED';

create sequence plan_phase_seq start with 1 increment by 50;
create table plan_phase (
    id             bigint primary key,
    plan_id        bigint  not null references plan (id),
    number         int     not null,
    min_days       int     not null check (min_days >= 1),
    walks_per_day  int check (walks_per_day between 1 and 10),
    walks_per_week int check (walks_per_week between 1 and 70),
    minutes_min    int     not null check (minutes_min between 1 and 300),
    minutes_max    int     not null check (minutes_max between 1 and 300),
    surfaces       text    not null,
    step_target    int check (step_target between 0 and 100000),
    guidance       text    not null default '',
    unique (plan_id, number),
    check (minutes_min <= minutes_max),
    check ((walks_per_day is null) <> (walks_per_week is null))
);

create sequence plan_proposal_seq start with 1 increment by 50;
create table plan_proposal (
    id          bigint primary key,
    plan_id     bigint      not null references plan (id),
    kind        text        not null check (kind in ('ADVANCE', 'STEP_BACK')),
    reason      text        not null,
    status      text        not null check (status in ('PENDING', 'CONFIRMED', 'DECLINED', 'SUPERSEDED')),
    created_at  timestamptz not null default now(),
    decided_by  bigint references app_user (id),
    decided_at  timestamptz
);
create index plan_proposal_plan_idx on plan_proposal (plan_id, status);

-- Every change to a plan: who, when, what.
create sequence plan_change_seq start with 1 increment by 50;
create table plan_change (
    id          bigint primary key,
    plan_id     bigint      not null references plan (id),
    changed_by  bigint references app_user (id),
    changed_at  timestamptz not null default now(),
    summary     text        not null
);
create index plan_change_plan_idx on plan_change (plan_id, changed_at);
