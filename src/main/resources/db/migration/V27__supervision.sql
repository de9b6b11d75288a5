-- Supervision (督办, docs/supervision.md): each item's promised time limit (承诺时限) in working days, the moment its
-- clock started (the department's acceptance, 受理), when it becomes due soon and due, how far the overdue sweep has
-- escalated it, and when it was decided: late or not. A late decision is applied as any other, and marked here.
alter table application_item
    add column time_limit_days integer,
    add column accepted_at     timestamptz,
    add column due_soon_at     timestamptz,
    add column due_at          timestamptz,
    add column supervision     text check (supervision in ('DUE_SOON', 'OVERDUE')),
    add column decided_at      timestamptz,
    add column decided_late    boolean;
-- The sweep reads the items whose clock runs and that are not yet decided.
create index application_item_running_clock on application_item (due_soon_at) where due_at is not null and decided_at is null;

-- Each escalation once: an item moved DUE_SOON, or OVERDUE, and announced on the supervision topic.
create table supervision_escalation (
    id             bigserial primary key,
    application_id uuid        not null,
    item_id        text        not null,
    level          text        not null check (level in ('DUE_SOON', 'OVERDUE')),
    department     text        not null,
    due_at         timestamptz not null,
    escalated_at   timestamptz not null,
    unique (application_id, item_id, level),
    foreign key (application_id, item_id) references application_item (application_id, item_id)
);

-- The runtime role gets the owner's default privileges on the new table (V23); an escalation is a record of what
-- was announced, never rewritten: it may only be added and read.
do $$
begin
    if '${runtimeRole}' <> '' and '${runtimeRole}' <> current_user then
        revoke update, delete, truncate, trigger, references on supervision_escalation from "${runtimeRole}";
    end if;
end
$$;
