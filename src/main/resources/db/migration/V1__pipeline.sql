-- The hub's own state: applications, the outbox, what was pulled, and each item's record and delivery.

create table application (
    id              uuid primary key,
    bundle_id       text        not null,
    mapping_version text        not null,
    subject_key     text        not null,
    applicant_name  text,
    consent         jsonb       not null,
    form            jsonb       not null,
    status          text        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index application_subject on application (subject_key);

create table outbox (
    id           bigserial primary key,
    topic        text        not null,
    message_key  text        not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;

-- A source's answer, trimmed to the fields some item of the bundle demands.
create table pulled_dataset (
    application_id uuid        not null references application (id),
    connector_id   text        not null,
    dataset        text        not null,
    found          boolean     not null,
    fields         jsonb       not null,
    pulled_at      timestamptz not null,
    primary key (application_id, connector_id, dataset)
);

create table application_item (
    application_id uuid        not null references application (id),
    item_id        text        not null,
    department     text        not null,
    target_id      text        not null,
    record         jsonb       not null,
    provenance     jsonb       not null,
    missing        jsonb       not null,
    status         text        not null,
    attempts       integer     not null default 0,
    last_error     text,
    delivered_at   timestamptz,
    updated_at     timestamptz not null,
    primary key (application_id, item_id)
);
create index application_item_status on application_item (status) where status <> 'DELIVERED';

-- Datasets that departments publish as streams, materialised: the latest record per key.
create table dataset_record (
    connector_id text        not null,
    dataset      text        not null,
    record_key   text        not null,
    fields       jsonb       not null,
    updated_at   timestamptz not null,
    primary key (connector_id, dataset, record_key)
);
