-- Clinics are the tenants; every user belongs to exactly one clinic.
create sequence clinic_seq start with 1 increment by 50;
create table clinic (
    id          bigint primary key,
    name        text        not null,
    time_zone   text        not null default 'Europe/London',
    created_at  timestamptz not null default now()
);

create sequence app_user_seq start with 1 increment by 50;
create table app_user (
    id            bigint primary key,
    clinic_id     bigint      not null references clinic (id),
    username      text        not null,
    password_hash text        not null,
    role          text        not null check (role in ('ADMIN', 'CLINICIAN', 'PATIENT')),
    display_name  text        not null,
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    version       bigint      not null default 0
);
create unique index app_user_username_uq on app_user (lower(username));
create index app_user_clinic_idx on app_user (clinic_id, role);

-- Marks that demo data was seeded, so it is seeded once only.
create table app_setting (
    key   text primary key,
    value text not null
);
