-- Department status callbacks: what each department reported about its item, and when.

-- The department's latest applied status of the item, and the outcome of its decision.
alter table application_item
    add column dept_status    text,
    add column dept_status_at timestamptz,
    add column result         text,
    add column certificate_no text,
    add column reason         text;

-- Every report a department made that the hub accepted: applied, or ignored because it was stale (out of
-- order). "at" is the department's time of the change, received_at the hub's; together they are the
-- raw data of the "减时间" figures.
create table item_event (
    id             bigserial primary key,
    application_id uuid        not null,
    item_id        text        not null,
    status         text        not null,
    at             timestamptz not null,
    received_at    timestamptz not null,
    source         text        not null check (source in ('REST', 'KAFKA')),
    event_id       text,
    details        jsonb       not null default '{}'::jsonb,
    applied        boolean     not null,
    foreign key (application_id, item_id) references application_item (application_id, item_id)
);
create index item_event_item on item_event (application_id, item_id, at);
-- A department's own event id identifies a report: the same id twice is one report.
create unique index item_event_department_id on item_event (application_id, item_id, event_id) where event_id is not null;

-- Status messages from the Kafka channel that the hub could not accept (unreadable, invalid, unknown item,
-- conflicting). Kept for operators so that the partition moves on and nothing is silently dropped.
create table rejected_status_report (
    id           bigserial primary key,
    received_at  timestamptz not null,
    topic        text        not null,
    kafka_partition integer  not null,
    kafka_offset bigint      not null,
    message_key  text,
    payload      text,
    problem      text        not null,
    detail       text        not null,
    errors       jsonb       not null default '[]'::jsonb,
    unique (topic, kafka_partition, kafka_offset)
);
