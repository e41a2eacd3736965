-- Refused sign-ins, counted: one row per client address, account, reason, door and hour, instead of one row per
-- attempt (a locked-out client retrying 300 times a second adds to one row's count). user_id and clinic_id are
-- null for a username that matches no account: those rows belong to no clinic and are shown to the operator of
-- the deployment only. Rows are purged after 90 days by a scheduled job (one instance at a time).
-- The per-attempt rows the throttle needs (login_attempt, FAILED only) stay, and are purged after two days.
create table sign_in_failure (
    id             bigserial   primary key,
    window_start   timestamptz not null,
    client_address text,
    clinic_id      bigint references clinic (id),
    user_id        bigint references app_user (id),
    reason         text        not null
        check (reason in ('BAD_CREDENTIALS', 'LOCKED_OUT', 'DISABLED', 'WRONG_SECOND_FACTOR')),
    channel        text        not null check (channel in ('FORM', 'API')),
    attempts       integer     not null check (attempts > 0),
    first_at       timestamptz not null,
    last_at        timestamptz not null,
    check ((clinic_id is null) = (user_id is null)),
    constraint sign_in_failure_key unique nulls not distinct (window_start, client_address, user_id, reason, channel)
);
-- The clinic admin's page, newest first; clinic_id is null for the operator's view of failures without an account.
create index sign_in_failure_clinic_idx on sign_in_failure (clinic_id, last_at desc);
-- The scheduled purges of old rows, whatever the username: by age alone.
create index sign_in_failure_last_idx on sign_in_failure (last_at);
create index login_attempt_at_idx on login_attempt (at);
create index login_address_success_idx on login_address (last_success_at);
