-- Clinic settings of the clinical workflow (issue 20): escalation thresholds, the locale dates are written in,
-- and the numbers on the patient's safety screen.
alter table clinic add column urgent_escalation_minutes int  not null default 15 check (urgent_escalation_minutes between 1 and 1440);
alter table clinic add column high_escalation_minutes   int  not null default 240 check (high_escalation_minutes between 1 and 10080);
alter table clinic add column locale                    text not null default 'en-GB' check (length(locale) <= 20);
alter table clinic add column emergency_number          text not null default '999' check (length(emergency_number) <= 30);
alter table clinic add column urgent_advice_line        text not null default '111' check (length(urgent_advice_line) <= 30);
alter table clinic add column clinic_phone              text check (length(clinic_phone) <= 30);

-- Where escalation e-mails reach staff.
alter table app_user add column email text check (length(email) <= 254);

-- An URGENT/HIGH flag nobody acknowledged in time is escalated once: claimed by setting this (conditional UPDATE).
alter table flag add column escalated_at timestamptz;
create index flag_escalation_due_idx on flag (raised_at) where status = 'OPEN' and escalated_at is null and tier <> 'ADVISORY';

-- Every e-mail the app sends, written in the transaction that decides it; sent after the commit (or kept here when
-- no mail server is configured, for the admins' Outbox page).
create sequence outbox_mail_seq start with 1 increment by 50;
create table outbox_mail (
    id          bigint primary key,
    clinic_id   bigint      not null references clinic (id),
    recipients  text        not null,
    subject     text        not null,
    body        text        not null,
    reason      text        not null,
    created_at  timestamptz not null,
    claimed_at  timestamptz,
    sent_at     timestamptz,
    attempts    int         not null default 0,
    last_error  text
);
create index outbox_mail_clinic_idx on outbox_mail (clinic_id, created_at desc);
create index outbox_mail_unsent_idx on outbox_mail (created_at) where sent_at is null;
