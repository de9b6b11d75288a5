-- Evidence waiting to be chained (docs/security.md, "Evidence ledger"). A stage writes its entry here, in the
-- transaction of the effect it records and without any lock; the chainer (EvidenceChainer) gives waiting entries
-- their sequence numbers and hashes in batches, under the ledger's advisory lock, and deletes them from here in the
-- same transaction. So an entry exists, waiting or chained, if and only if its effect committed, and no stage waits
-- for another to commit. recorded_at is the effect's time: sequence is chaining order.
create table evidence_pending (
    id              bigserial   primary key,
    recorded_at     timestamptz not null default clock_timestamp(),
    kind            text        not null check (kind in ('INTAKE', 'PULL', 'PUSH', 'STATUS')),
    application_id  uuid,
    item            text,
    party           text        not null,
    payload_sha256  char(64)    not null,
    event_key       text        not null unique
);
