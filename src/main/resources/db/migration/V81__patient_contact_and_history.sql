-- How the care team reaches a patient (issue 20); all optional. Limits as PatientRules checks them.
alter table patient add column phone text check (length(phone) <= 30);
alter table patient add column email text check (length(email) <= 254);
alter table patient add column emergency_contact_name text check (length(emergency_contact_name) <= 100);
alter table patient add column emergency_contact_phone text check (length(emergency_contact_phone) <= 30);

-- Every change of a patient's enrolment fields after enrolment: who, when, which field, before and after.
create sequence patient_change_seq start with 1 increment by 50;
create table patient_change (
    id              bigint primary key,
    clinic_id       bigint      not null references clinic (id),
    patient_id      bigint      not null references patient (id),
    changed_by      bigint      not null references app_user (id),
    changed_by_name text        not null,
    changed_at      timestamptz not null,
    field           text        not null,
    old_value       text,
    new_value       text
);
create index patient_change_patient_idx on patient_change (patient_id, changed_at desc);
