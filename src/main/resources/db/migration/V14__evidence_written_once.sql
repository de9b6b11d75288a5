-- The evidence ledger, each entry written once (docs/security.md, "Evidence ledger").
--
-- A step appends its entry in the transaction of its effect, without a lock and without a place in the chain: the
-- entry carries its transaction's id (xid). The chainer (EvidenceChainer) closes blocks: a block holds every entry
-- whose xid is below its horizon and at or above the previous block's, a horizon being the oldest transaction still
-- running when the block was closed, so no entry can ever join a range once it is chained. The block keeps the
-- entries' order, sequence numbers and chained hashes in one row. Until V13 each entry was written twice (waiting,
-- then chained) and each pull and push wrote an access log row besides: 26 of the 55 rows an application cost.
--
-- A pull's or push's entry also carries what it carried (field names, found, department) as canonical JSON in
-- "detail", which its hash covers: the personal access log is read from the ledger, tamper-evident like the rest of
-- it. access_log keeps the accesses recorded before this migration and is no longer written.

alter table evidence_entry rename to evidence_entry_v13;
alter trigger evidence_entry_append_only on evidence_entry_v13 rename to evidence_entry_v13_append_only;
alter trigger evidence_entry_no_truncate on evidence_entry_v13 rename to evidence_entry_v13_no_truncate;
alter index evidence_entry_application rename to evidence_entry_v13_application;

create table evidence_entry (
    id              bigserial   primary key,
    xid             xid8        not null default pg_current_xact_id(),
    recorded_at     timestamptz not null default clock_timestamp(),
    kind            text        not null check (kind in ('INTAKE', 'PULL', 'PUSH', 'STATUS')),
    application_id  uuid,
    item            text,
    party           text        not null,
    payload_sha256  char(64)    not null,
    detail          text,
    -- Not evidence: what makes an append idempotent (a redelivered message finds its entry there).
    event_key       text        not null unique
);
create index evidence_entry_xid on evidence_entry (xid);
create index evidence_entry_application on evidence_entry (application_id);

create table evidence_block (
    seq            bigint      primary key check (seq > 0),
    -- The sequence number of the block's first entry: entry first_entry + i - 1 is entry_ids[i].
    first_entry    bigint      not null,
    xid_horizon    xid8        not null unique,
    entry_ids      bigint[]    not null,
    -- Each entry's chained hash (LedgerEntry), in the same order; the last is the block's head.
    entry_hashes   text[]      not null,
    chained_at     timestamptz not null,
    check (cardinality(entry_ids) > 0 and cardinality(entry_ids) = cardinality(entry_hashes))
);

-- The chained entries so far keep their sequence numbers and hashes, as the first block; their xid (1) is below its
-- horizon (2), and every transaction id PostgreSQL hands out is above both.
insert into evidence_entry (id, xid, recorded_at, kind, application_id, item, party, payload_sha256, event_key)
select seq, '1'::xid8, recorded_at, kind, application_id, item, party, payload_sha256, event_key
from evidence_entry_v13;
insert into evidence_block (seq, first_entry, xid_horizon, entry_ids, entry_hashes, chained_at)
select 1, 1, '2'::xid8, array_agg(seq order by seq), array_agg(entry_hash order by seq), now()
from evidence_entry_v13 having count(*) > 0;
select setval('evidence_entry_id_seq', greatest((select max(id) from evidence_entry), 1));
-- Entries that waited are written anew in this migration's transaction; the chainer chains them once it commits.
insert into evidence_entry (recorded_at, kind, application_id, item, party, payload_sha256, event_key)
select recorded_at, kind, application_id, item, party, payload_sha256, event_key
from evidence_pending p where not exists (select 1 from evidence_entry e where e.event_key = p.event_key)
order by p.id;

drop table evidence_pending;
drop table evidence_entry_v13;

create trigger evidence_entry_append_only before update or delete on evidence_entry
    for each row execute function evidence_refuse_change();
create trigger evidence_entry_no_truncate before truncate on evidence_entry
    for each statement execute function evidence_refuse_change();
create trigger evidence_block_append_only before update or delete on evidence_block
    for each row execute function evidence_refuse_change();
create trigger evidence_block_no_truncate before truncate on evidence_block
    for each statement execute function evidence_refuse_change();

comment on table access_log is 'Accesses recorded before V14; later ones are evidence entries (kind PULL, PUSH).';
