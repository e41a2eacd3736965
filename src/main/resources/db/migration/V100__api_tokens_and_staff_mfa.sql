-- Clinic policy: staff need a second factor (TOTP). Clinics that exist when this runs keep logging in as
-- before (their admin turns it on); every clinic created from now on requires it.
alter table clinic add column staff_mfa_required boolean not null default false;
alter table clinic alter column staff_mfa_required set default true;

-- Sessions and tokens issued before this instant are over (a password change or reset, a lost phone).
-- Every instance checks it on every request of a session, so ending logins needs no message between them.
alter table app_user add column logins_valid_after timestamptz;

-- API tokens: only the SHA-256 of the token is stored; one indexed look-up per request.
-- scope FULL reaches the API as the user; MFA_ENROLMENT reaches only /api/v1/me/mfa/*.
-- sliding (patients): expires_at moves to 90 days after the last use.
create sequence api_token_seq start with 1 increment by 50;
create table api_token (
    id           bigint primary key,
    clinic_id    bigint      not null references clinic (id),
    user_id      bigint      not null references app_user (id),
    token_hash   text        not null,
    device_name  text        not null,
    scope        text        not null check (scope in ('FULL', 'MFA_ENROLMENT')),
    sliding      boolean     not null,
    -- issued after a TOTP (or recovery) code: satisfies the clinic's MFA policy
    with_second_factor boolean not null,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    expires_at   timestamptz not null,
    revoked_at   timestamptz
);
create unique index api_token_hash_uq on api_token (token_hash);
create index api_token_user_idx on api_token (user_id, created_at desc);

-- A staff member's TOTP factor (RFC 6238): pending until confirmed with a code. last_step is the time
-- step of the last code accepted, so a code is never accepted twice.
create table totp_factor (
    user_id      bigint primary key references app_user (id),
    clinic_id    bigint      not null references clinic (id),
    secret       text        not null,
    created_at   timestamptz not null,
    confirmed_at timestamptz,
    last_step    bigint
);

-- One-time recovery codes for a lost authenticator; only their SHA-256 is stored.
create sequence recovery_code_seq start with 1 increment by 50;
create table recovery_code (
    id         bigint primary key,
    user_id    bigint      not null references app_user (id),
    code_hash  text        not null,
    used_at    timestamptz
);
create index recovery_code_user_idx on recovery_code (user_id);
