-- Append-only audit trail: who, when, from where, what, which patient, allowed or denied.
create table audit_event (
    id             bigserial primary key,
    at             timestamptz not null default now(),
    clinic_id      bigint,
    user_id        bigint,
    username       text,
    client_address text,
    action         text        not null,
    patient_id     bigint,
    allowed        boolean     not null,
    detail         text
);
create index audit_event_at_idx on audit_event (at desc);
create index audit_event_clinic_at_idx on audit_event (clinic_id, at desc);
create index audit_event_patient_idx on audit_event (patient_id, at desc);
create index audit_event_user_idx on audit_event (user_id, at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
