create sequence patient_seq start with 1 increment by 50;
create table patient (
    id                        bigint primary key,
    clinic_id                 bigint      not null references clinic (id),
    user_id                   bigint unique references app_user (id),
    given_name                text        not null,
    family_name               text        not null,
    date_of_birth             date        not null,
    condition                 text        not null check (condition in ('CHRONIC_LOW_BACK_PAIN', 'SCIATICA', 'MUSCLE_STRAIN',
                                                                       'HERNIATED_DISC', 'LUMBAR_DISCOMFORT', 'OTHER')),
    acuity                    text        not null check (acuity in ('ACUTE', 'CHRONIC')),
    onset_date                date,
    surgery_date              date,
    surgeon_clearance_date    date,
    surgeon_clearance_limits  text,
    enrolled_at               timestamptz not null default now(),
    enrolled_by               bigint references app_user (id),
    version                   bigint      not null default 0
);
create index patient_clinic_idx on patient (clinic_id, family_name, given_name);

-- The care team of a patient: the clinicians who may read and change the record.
create table care_team_member (
    patient_id   bigint      not null references patient (id),
    clinician_id bigint      not null references app_user (id),
    clinic_id    bigint      not null references clinic (id),
    added_at     timestamptz not null default now(),
    primary key (patient_id, clinician_id)
);
create index care_team_member_clinician_idx on care_team_member (clinician_id, patient_id);

-- One-time codes with which a patient creates their own login; only a hash is stored.
create sequence activation_code_seq start with 1 increment by 50;
create table activation_code (
    id          bigint primary key,
    clinic_id   bigint      not null references clinic (id),
    patient_id  bigint      not null references patient (id),
    code_hash   text        not null unique,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null default now()
);
create index activation_code_patient_idx on activation_code (patient_id);
