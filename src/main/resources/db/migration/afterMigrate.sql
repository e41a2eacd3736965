-- Flyway runs this after every migrate, as the schema owner: the app's own login gets what it needs and no
-- more. It owns nothing, so it cannot alter tables or disable triggers, and the audit trail is add-and-read.
do $$
declare
    app text := '${app_role}';
begin
    if app = '' or app = current_user or not exists (select from pg_roles where rolname = app) then
        return;
    end if;
    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    execute format('revoke update, delete, truncate, references, trigger on audit_event from %I', app);
    execute format('revoke insert, update, delete, truncate, references, trigger on flyway_schema_history from %I', app);
end
$$;
