-- The Today page shows a patient's walking guidance ("How to walk", "When to stop and get help") open the first
-- time, and collapsed on later visits, on any device and any app instance: one row per patient holds a hash of
-- the guidance last shown open. New guidance (another phase, the clinician's own text) hashes differently and
-- is shown open once again.
create table guidance_seen (
    patient_id   bigint      primary key references patient (id),
    clinic_id    bigint      not null references clinic (id),
    content_hash text        not null,
    seen_at      timestamptz not null
);
