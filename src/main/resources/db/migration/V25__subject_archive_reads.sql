-- Archives (一人一档 / 一企一档, docs/lifelong-service.md): an archive is derived at each read from what the hub holds
-- already (applications, items, outputs, materials, pulls); nothing of it is copied here. Each read of an archive is
-- evidence (kind READ), and is in the subject's access log.
alter table evidence_entry drop constraint evidence_entry_kind;
alter table evidence_entry add constraint evidence_entry_kind
    check (kind in ('INTAKE', 'PULL', 'PUSH', 'STATUS', 'WITHDRAWAL', 'CANCEL', 'READ'));

-- Whose archive a READ entry read. The ledger entry does not name the subject, since the ledger is never changed;
-- this link is what the retention policy deletes with the subject's applications, after which the entry stays as
-- evidence that something was read, no longer of whom.
create table subject_read (
    event_key   text        primary key references evidence_entry (event_key),
    subject_key text        not null,
    read_at     timestamptz not null default now()
);
create index subject_read_subject on subject_read (subject_key, read_at);

-- Least privilege (V23): the runtime role records reads, shows them and deletes them under retention; it never
-- rewrites one. The owner's default privileges granted all four rights to the runtime role; update is taken back.
do $$
begin
    if '${runtimeRole}' <> '' and '${runtimeRole}' <> current_user then
        revoke update, truncate, trigger, references on subject_read from "${runtimeRole}";
        grant select, insert, delete on subject_read to "${runtimeRole}";
    end if;
end
$$;
