-- Least privilege (docs/deployment.md, "Database roles"): when the hub runs as another role than the one migrating
-- (spring.datasource.username, here ${runtimeRole}, against spring.flyway.user), that role reads and writes the data
-- but may only insert into the evidence ledger and read it: no UPDATE, DELETE, TRUNCATE or TRIGGER there, and, owning
-- no table, no ALTER TABLE ... DISABLE TRIGGER either. Tables a later migration adds get the same rights from the
-- owner's default privileges (set where the roles are made); a later ledger table revokes as below.
do $$
begin
    if '${runtimeRole}' <> '' and '${runtimeRole}' <> current_user then
        grant usage on schema public to "${runtimeRole}";
        grant select, insert, update, delete on all tables in schema public to "${runtimeRole}";
        grant usage, select, update on all sequences in schema public to "${runtimeRole}";
        revoke insert, update, delete, truncate, trigger, references on flyway_schema_history from "${runtimeRole}";
        revoke update, delete, truncate, trigger, references
            on evidence_entry, evidence_block, evidence_checkpoint, evidence_cosignature from "${runtimeRole}";
    end if;
end
$$;
