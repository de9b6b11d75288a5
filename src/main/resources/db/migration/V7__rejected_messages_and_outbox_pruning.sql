-- Messages of the pipeline topics (applications, deliveries) that name nothing the hub can act on: unreadable.
-- Kept for operators, once per offset, so that the partition moves on and nothing is silently dropped.
create table rejected_pipeline_message (
    id              bigserial primary key,
    received_at     timestamptz not null,
    topic           text        not null,
    kafka_partition integer     not null,
    kafka_offset    bigint      not null,
    message_key     text,
    payload         text,
    reason          text        not null,
    unique (topic, kafka_partition, kafka_offset)
);

-- Published outbox rows are deleted after a retention (OutboxPruner); this finds them without a full scan.
create index outbox_published on outbox (published_at) where published_at is not null;
