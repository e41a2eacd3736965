-- Addresses an account logged in from successfully: a lock against the account as a whole (many
-- failures from many addresses) does not stop its owner at an address where they logged in recently.
create table login_address (
    username_key    text        not null,
    client_address  text        not null,
    last_success_at timestamptz not null,
    primary key (username_key, client_address)
);
-- Runs of failures per account and address (the per-pair throttle).
create index login_attempt_user_address_idx on login_attempt (username_key, client_address, at desc);
