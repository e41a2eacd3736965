-- The patient an outbox e-mail is about (an escalation names one), so that an admin reading the Outbox page is
-- audited with the patients shown, like every other read of patient data. Older rows stay without one.
alter table outbox_mail add column patient_id bigint references patient (id);
create index outbox_mail_patient_idx on outbox_mail (patient_id) where patient_id is not null;
