-- Messages to a department's target that are not an item's record: a withdrawal notice (the item's department is
-- told the application was withdrawn), a certificate for the e-certificate library (归集: what an item was decided
-- with, kept for the next application). Each is due at due_at, acknowledged by its target at sent_at, after attempts
-- attempts. A certificate's payload is personal, sealed like the records ({} for a withdrawal notice, which is built
-- from the application when it is sent).
create table target_notice (
    application_id uuid        not null references application (id),
    item_id        text        not null,
    kind           text        not null check (kind in ('WITHDRAWAL', 'CERTIFICATE')),
    target_id      text        not null,
    payload        jsonb       not null default '{}',
    due_at         timestamptz,
    sent_at        timestamptz,
    attempts       integer     not null default 0,
    last_error     text,
    created_at     timestamptz not null default now(),
    primary key (application_id, item_id, kind)
);
create index target_notice_due on target_notice (due_at) where sent_at is null;

-- The withdrawal notice's state moves from the item to its notice (V17 kept it on the item).
insert into target_notice (application_id, item_id, kind, target_id, due_at, sent_at, attempts)
select application_id, item_id, 'WITHDRAWAL', target_id, notice_due_at, notice_sent_at, notice_attempts
from application_item where status in ('WITHDRAWING', 'WITHDRAWN') or notice_due_at is not null or notice_sent_at is not null;
drop index application_item_notice_due;
alter table application_item drop column notice_due_at;
alter table application_item drop column notice_sent_at;
alter table application_item drop column notice_attempts;

-- Where an item's certificate goes when it is done (归集): the library's dataset and its intake target; null: nowhere.
alter table application_item add column archive jsonb;
