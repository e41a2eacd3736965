create sequence check_in_seq start with 1 increment by 50;
create table check_in (
    id                     bigint primary key,
    clinic_id              bigint      not null references clinic (id),
    patient_id             bigint      not null references patient (id),
    date                   date        not null,
    recorded_at            timestamptz not null default now(),
    overall_pain           smallint check (overall_pain between 0 and 10),
    steps                  int check (steps between 0 and 100000),
    notes                  text check (char_length(notes) <= 2000),
    -- symptoms: all null when the check-in carried none
    numbness_tingling      text check (numbness_tingling in ('NONE', 'SAME_AS_BEFORE', 'NEW', 'WORSENING')),
    leg_weakness           text check (leg_weakness in ('NONE', 'SAME_AS_BEFORE', 'NEW', 'WORSENING')),
    both_legs              boolean,
    saddle_numbness        boolean,
    bladder_bowel_problems boolean,
    fever                  boolean,
    unexplained_weight_loss boolean,
    new_injury_or_fall     boolean,
    idempotency_key        text,
    reply                  text
);
create index check_in_patient_date_idx on check_in (patient_id, date desc, id desc);
create unique index check_in_idempotency_uq on check_in (patient_id, idempotency_key) where idempotency_key is not null;

create sequence walk_seq start with 1 increment by 50;
create table walk (
    id          bigint primary key,
    check_in_id bigint   not null references check_in (id),
    clinic_id   bigint   not null references clinic (id),
    patient_id  bigint   not null references patient (id),
    date        date     not null,
    position    int      not null,
    minutes     int      not null check (minutes between 1 and 300),
    surface     text     not null check (surface in ('FLAT', 'INCLINE', 'HILL')),
    pain_before smallint not null check (pain_before between 0 and 10),
    pain_after  smallint not null check (pain_after between 0 and 10),
    sharp_pain  boolean  not null,
    steps       int check (steps between 0 and 100000)
);
create index walk_patient_date_idx on walk (patient_id, date desc, id desc);
create index walk_check_in_idx on walk (check_in_id);
