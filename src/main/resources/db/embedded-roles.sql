-- The embedded database's two roles (embedded/EmbeddedPostgresServer, run as the superuser at every start):
-- hub_owner owns the schema and runs the migrations (spring.flyway.user); hub_app is the role the running hub uses
-- (spring.datasource.username): it reads and writes the data and may only insert into the evidence ledger
-- (V23__least_privilege.sql), and, owning nothing, can neither alter a table nor disable a trigger.
do $$
begin
    if not exists (select from pg_roles where rolname = 'hub_owner') then
        create role hub_owner login;
    end if;
    if not exists (select from pg_roles where rolname = 'hub_app') then
        create role hub_app login;
    end if;
end
$$;
alter database hub owner to hub_owner;
alter schema public owner to hub_owner;
grant connect on database hub to hub_app;
grant usage on schema public to hub_app;
-- A data directory of a hub from before the roles: what the superuser created passes to the owner.
do $$
declare
    object record;
begin
    for object in select format('%I.%I', schemaname, tablename) as name from pg_tables
                  where schemaname = 'public' and tableowner <> 'hub_owner' loop
        execute 'alter table ' || object.name || ' owner to hub_owner';
    end loop;
    for object in select format('%I.%I', schemaname, sequencename) as name from pg_sequences
                  where schemaname = 'public' and sequenceowner <> 'hub_owner' loop
        execute 'alter sequence ' || object.name || ' owner to hub_owner';
    end loop;
    for object in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                  where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> 'hub_owner' loop
        execute 'alter function ' || object.name || ' owner to hub_owner';
    end loop;
end
$$;
alter default privileges for role hub_owner in schema public grant select, insert, update, delete on tables to hub_app;
alter default privileges for role hub_owner in schema public grant usage, select, update on sequences to hub_app;
