-- Login attempts: throttling per account and per client address, shared by every app instance.
-- outcome: FAILED (wrong user or password, or a disabled account), REFUSED (locked out, password
-- not checked), SUCCEEDED (written only when it ends a run of failures).
create table login_attempt (
    id             bigserial primary key,
    at             timestamptz not null,
    username_key   text        not null,
    client_address text,
    outcome        text        not null check (outcome in ('FAILED', 'REFUSED', 'SUCCEEDED'))
);
create index login_attempt_user_idx on login_attempt (username_key, at desc);
create index login_attempt_address_idx on login_attempt (client_address, at desc);

-- One-time codes with which staff set their first password (SETUP) or a new one (RESET).
-- Only a hash of the code is stored; a code is used once and expires.
create sequence account_code_seq start with 1 increment by 50;
create table account_code (
    id          bigint primary key,
    clinic_id   bigint      not null references clinic (id),
    user_id     bigint      not null references app_user (id),
    purpose     text        not null check (purpose in ('SETUP', 'RESET')),
    code_hash   text        not null unique,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_by  bigint references app_user (id),
    created_at  timestamptz not null default now()
);
create index account_code_user_idx on account_code (user_id);

-- The admin's audit search filters a clinic's trail by action and by patient.
create index audit_event_clinic_action_idx on audit_event (clinic_id, action, at desc);
