-- Who acknowledged and resolved a flag, by name as shown to clinicians (the ids stay the reference).
alter table flag add column acknowledged_by_name text;
alter table flag add column resolved_by_name text;
-- The open flags of a patient's care team, by tier and age, for the inbox and the caseload.
create index flag_patient_live_idx on flag (patient_id, tier, raised_at) where status <> 'RESOLVED';
