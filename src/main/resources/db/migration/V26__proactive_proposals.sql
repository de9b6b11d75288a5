-- Proactive proposals (无感通办, docs/lifelong-service.md): an event on a department stream, matched by a rule of
-- proposals/, proposes a bundle to its subject. One proposal per (rule, event key): the same event published twice, or
-- read again after a crash, finds its row and proposes nothing more.
create table proposal (
    id             uuid primary key,
    rule_id        text not null,
    event_key      text not null,
    bundle_id      text not null,
    -- Sealed at rest (security/PayloadCipher, bound to the proposal's id): the subject's key, the form and parties the
    -- event filled. event_sha256 is the event's exact bytes' digest, for the evidence of the application it becomes.
    subject        text not null,
    prefilled      text not null,
    event_sha256   text not null,
    status         text not null check (status in ('OPEN', 'CONFIRMED', 'DECLINED', 'EXPIRED')),
    created_at     timestamptz not null default now(),
    expires_at     timestamptz not null,
    decided_at     timestamptz,
    decided_by     text,
    decline_reason text,
    application_id uuid references application (id),
    unique (rule_id, event_key)
);
create index proposal_open_expiry on proposal (expires_at) where status = 'OPEN';

-- Events that failed a rule's validation (a bad check character, a missing key, an unknown bundle): no proposal, kept
-- for operators with the reason (GET /api/v1/ops/proposals/rejected-events); the stream goes on. The event is sealed.
create table proposal_rejected_event (
    id           bigserial primary key,
    rule_id      text not null,
    topic        text not null,
    partition_no integer not null,
    offset_no    bigint not null,
    reason       text not null,
    event        text not null,
    received_at  timestamptz not null default now(),
    unique (rule_id, topic, partition_no, offset_no)
);

-- Least privilege (V23): a proposal is never deleted, a rejected event never deleted nor changed but for its resealing.
do $$
begin
    if '${runtimeRole}' <> '' and '${runtimeRole}' <> current_user then
        grant select, insert, update on proposal to "${runtimeRole}";
        revoke delete, truncate, trigger, references on proposal from "${runtimeRole}";
        grant select, insert on proposal_rejected_event to "${runtimeRole}";
        revoke update, delete, truncate, trigger, references on proposal_rejected_event from "${runtimeRole}";
        grant usage, select on sequence proposal_rejected_event_id_seq to "${runtimeRole}";
        -- the reseal job (POST /api/v1/ops/encryption/reseal) seals the event again under the active key
        grant update (event) on proposal_rejected_event to "${runtimeRole}";
    end if;
end
$$;
