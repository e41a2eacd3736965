create sequence flag_seq start with 1 increment by 50;
create table flag (
    id                 bigint primary key,
    clinic_id          bigint      not null references clinic (id),
    patient_id         bigint      not null references patient (id),
    code               text        not null,
    tier               text        not null check (tier in ('URGENT', 'HIGH', 'ADVISORY')),
    status             text        not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    raised_at          timestamptz not null default now(),
    basis              text        not null,
    patient_message    text        not null,
    acknowledged_by    bigint references app_user (id),
    acknowledged_at    timestamptz,
    acknowledge_note   text,
    resolved_by        bigint references app_user (id),
    resolved_by_system boolean     not null default false,
    resolved_at        timestamptz,
    outcome            text check (outcome in ('REFERRED', 'SEEN_BY_DOCTOR', 'NO_ACTION_NEEDED', 'OTHER')),
    resolve_note       text,
    version            bigint      not null default 0
);
-- Deduplication: one open or acknowledged flag per code and patient.
create unique index flag_one_live_per_code on flag (patient_id, code) where status <> 'RESOLVED';
create index flag_patient_idx on flag (patient_id, status);
create index flag_clinic_open_idx on flag (clinic_id, status, tier, raised_at);

create sequence flag_evidence_seq start with 1 increment by 50;
create table flag_evidence (
    id          bigint primary key,
    flag_id     bigint      not null references flag (id),
    check_in_id bigint references check_in (id),
    detail      text        not null,
    added_at    timestamptz not null default now()
);
create index flag_evidence_flag_idx on flag_evidence (flag_id);
