-- Outcome measures (PEG, PSFS, GROC): questionnaires fall due on a schedule counted from the plan's start date
-- and are materialized idempotently (one row per patient, instrument and due date), so any number of app
-- instances may create them at once; a response is stored once per questionnaire.
create sequence questionnaire_seq start with 1 increment by 1;
create table questionnaire (
    id           bigint primary key default nextval('questionnaire_seq'),
    clinic_id    bigint      not null references clinic (id),
    patient_id   bigint      not null references patient (id),
    plan_id      bigint      not null references plan (id),
    instrument   text        not null check (instrument in ('PEG', 'PSFS', 'GROC')),
    occasion     text        not null check (occasion in ('BASELINE', 'FOLLOW_UP', 'WEEK_6', 'WEEK_12', 'PLAN_END')),
    due_date     date        not null,
    created_at   timestamptz not null default now(),
    -- Set in the same statement that claims the questionnaire for a response: a second answer finds it set.
    answered_at  timestamptz,
    constraint questionnaire_once_per_day unique (patient_id, instrument, due_date)
);
create index questionnaire_plan_idx on questionnaire (plan_id);
-- The caseload's overdue badge reads the latest questionnaire per instrument of each patient.
create index questionnaire_open_idx on questionnaire (patient_id, instrument, due_date desc) where answered_at is null;

create sequence questionnaire_response_seq start with 1 increment by 1;
create table questionnaire_response (
    id                    bigint primary key default nextval('questionnaire_response_seq'),
    clinic_id             bigint       not null references clinic (id),
    patient_id            bigint       not null references patient (id),
    plan_id               bigint       not null references plan (id),
    questionnaire_id      bigint       not null unique references questionnaire (id),
    instrument            text         not null check (instrument in ('PEG', 'PSFS', 'GROC')),
    due_date              date         not null,
    answered_on           date         not null,
    answered_at           timestamptz  not null default now(),
    answered_by           bigint references app_user (id),
    score                 numeric(3, 1) not null check (score between -7 and 10),
    -- The plan's first score of this instrument (PEG, PSFS); null for GROC, which rates change itself.
    baseline              numeric(3, 1),
    change                numeric(3, 1),
    important_improvement boolean      not null,
    -- The item answers as given, e.g. {"pain":5,"enjoyment":4,"activity":4}; PSFS always with the activity names.
    answers               jsonb        not null
);
create index questionnaire_response_patient_idx on questionnaire_response (patient_id, instrument, due_date);
create index questionnaire_response_plan_idx on questionnaire_response (plan_id, instrument, due_date);
