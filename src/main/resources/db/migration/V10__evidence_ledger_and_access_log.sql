-- The evidence ledger (电子存证): one hash-chained entry per intake, pull, push and status report, appended in the
-- transaction of the effect it records (docs/security.md, "Evidence ledger"). Append-only: a trigger refuses
-- UPDATE, DELETE and TRUNCATE, for every role, the owner and superusers included (only disabling the trigger,
-- which needs the table's owner or a superuser, gets past it, and the verifier then finds what was changed).
create table evidence_entry (
    seq             bigint      primary key check (seq > 0),
    recorded_at     timestamptz not null,
    kind            text        not null check (kind in ('INTAKE', 'PULL', 'PUSH', 'STATUS')),
    application_id  uuid,
    item            text,
    party           text        not null,
    payload_sha256  char(64)    not null,
    prev_hash       char(64)    not null,
    entry_hash      char(64)    not null,
    -- Not evidence: what makes an append idempotent (a redelivered message finds its entry there).
    event_key       text        not null unique
);
create index evidence_entry_application on evidence_entry (application_id, seq);

-- Signed checkpoints: the head of the chain at seq, signed with the hub's Ed25519 key.
create table evidence_checkpoint (
    seq             bigint      primary key,
    head_hash       char(64)    not null,
    signed_at       timestamptz not null,
    key_id          text        not null,
    public_key      text        not null,
    signature       text        not null
);

create function evidence_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the evidence ledger is append-only: % on % is refused', tg_op, tg_table_name;
end
$$;

create trigger evidence_entry_append_only before update or delete on evidence_entry
    for each row execute function evidence_refuse_change();
create trigger evidence_entry_no_truncate before truncate on evidence_entry
    for each statement execute function evidence_refuse_change();
create trigger evidence_checkpoint_append_only before update or delete on evidence_checkpoint
    for each row execute function evidence_refuse_change();
create trigger evidence_checkpoint_no_truncate before truncate on evidence_checkpoint
    for each statement execute function evidence_refuse_change();

-- The personal access log: every pull of a subject's data and every push of it to a department, with the field
-- names (never the values). One row per (application, dataset) pulled and per (application, item) pushed, so a
-- redelivered message adds nothing.
create table access_log (
    id              bigserial   primary key,
    subject_key     text        not null,
    application_id  uuid        not null references application (id),
    kind            text        not null check (kind in ('PULL', 'PUSH')),
    connector_id    text        not null,
    dataset         text        not null default '',
    item            text        not null default '',
    department      text,
    found           boolean,
    fields          jsonb       not null,
    at              timestamptz not null,
    unique (application_id, kind, connector_id, dataset, item)
);
create index access_log_subject on access_log (subject_key, at);
