-- 好差评 (docs/supervision.md, "Ratings (好差评) and rectification (整改)"): the applicant's rating of a whole
-- application, once, and optionally of each item, on the national five levels, stored as their Chinese names
-- (非常满意 > 满意 > 基本满意 > 不满意 > 非常不满意; 差评 = 不满意 or 非常不满意). The comment is plain text after
-- sanitising, sealed at rest like every personal payload (hub.encryption.*), null when none was given.
create table application_rating (
    application_id uuid        primary key references application (id),
    level          text        not null check (level in ('非常满意', '满意', '基本满意', '不满意', '非常不满意')),
    comment        text,
    rated_by       text        not null,
    rated_at       timestamptz not null
);

create table item_rating (
    application_id uuid not null references application_rating (application_id),
    item_id        text not null,
    level          text not null check (level in ('非常满意', '满意', '基本满意', '不满意', '非常不满意')),
    primary key (application_id, item_id),
    foreign key (application_id, item_id) references application_item (application_id, item_id)
);

-- A 差评 opens a rectification case (整改) for the department responsible: for an item's 差评, the item's department
-- (item_id set); for the application's, each other department that handled one of its items (item_id null). It is
-- OPEN until the department answers (ANSWERED), and CLOSED by the applicant's callback (回访), satisfied or not.
-- The answer and the callback's note are sealed.
create table rectification_case (
    id              uuid        primary key,
    application_id  uuid        not null references application_rating (application_id),
    item_id         text,
    department      text        not null,
    level           text        not null check (level in ('不满意', '非常不满意')),
    status          text        not null check (status in ('OPEN', 'ANSWERED', 'CLOSED')),
    opened_at       timestamptz not null,
    due_at          timestamptz not null,
    answer          text,
    answered_by     text,
    answered_at     timestamptz,
    callback_result text        check (callback_result in ('satisfied', 'unsatisfied')),
    callback_note   text,
    callback_by     text,
    closed_at       timestamptz,
    check ((status = 'OPEN') = (answered_at is null)),
    check ((status = 'CLOSED') = (closed_at is not null and callback_result is not null))
);
create index rectification_case_department on rectification_case (department, status);
create index rectification_case_application on rectification_case (application_id);

-- Each rating and each step of a case is a ledger entry. The kind's check is found by what it checks (V17).
do $$
declare
    kind_check text;
begin
    select conname into kind_check from pg_constraint
    where conrelid = 'evidence_entry'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%kind%';
    execute format('alter table evidence_entry drop constraint %I', kind_check);
end $$;
alter table evidence_entry add constraint evidence_entry_kind
    check (kind in ('INTAKE', 'PULL', 'PUSH', 'STATUS', 'WITHDRAWAL', 'CANCEL', 'READ', 'RATING', 'RECTIFICATION'));

-- Least privilege (V23): a rating is written once and never changed or removed by the hub (but for its comment sealed
-- again under a new key); a case is updated as it moves on, never removed. The owner's default
-- privileges granted more (docs/deployment.md); this takes it back.
do $$
begin
    if '${runtimeRole}' <> '' and '${runtimeRole}' <> current_user then
        revoke all on application_rating, item_rating, rectification_case from "${runtimeRole}";
        grant select, insert on application_rating, item_rating to "${runtimeRole}";
        -- The comment only, sealed again under a new key (POST /api/v1/ops/encryption/reseal).
        grant update (comment) on application_rating to "${runtimeRole}";
        grant select, insert, update on rectification_case to "${runtimeRole}";
    end if;
end
$$;
