-- Witnesses' cosignatures of checkpoints (C2SP cosignature/v1 note signature lines): the checkpoint's note followed by
-- these lines is the witnessed checkpoint the hub also publishes outside the database. Append-only like the ledger.
create table evidence_cosignature (
    seq             bigint      not null, -- the checkpoint's (no foreign key: it would stand in the way of the truncate guard)
    witness         text        not null,
    cosignature     text        not null,
    received_at     timestamptz not null default now(),
    primary key (seq, witness)
);

create trigger evidence_cosignature_append_only before update or delete on evidence_cosignature
    for each row execute function evidence_refuse_change();
create trigger evidence_cosignature_no_truncate before truncate on evidence_cosignature
    for each statement execute function evidence_refuse_change();
