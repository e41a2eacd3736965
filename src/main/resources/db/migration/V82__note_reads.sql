-- Which patient notes each clinician has seen: up to the newest noted check-in they had when they last opened the
-- patient's chart (issue 20: an "unread notes" marker on the caseload, per clinician).
create table note_read (
    user_id     bigint      not null references app_user (id),
    patient_id  bigint      not null references patient (id),
    read_up_to  timestamptz not null,
    primary key (user_id, patient_id)
);
create index check_in_patient_notes_idx on check_in (patient_id, recorded_at) where notes is not null;
