-- Withdrawal by the applicant's channel: when and why. Items not yet sent are cancelled; an item its department has
-- (or may have) becomes WITHDRAWING and a withdrawal notice goes to its target: due at notice_due_at, acknowledged by
-- the target at notice_sent_at, after notice_attempts attempts. The department's answer is a status report.
alter table application add column withdrawn_at timestamptz;
alter table application add column withdrawal_reason text;
alter table application_item add column notice_due_at timestamptz;
alter table application_item add column notice_sent_at timestamptz;
alter table application_item add column notice_attempts integer not null default 0;
create index application_item_notice_due on application_item (notice_due_at) where notice_due_at is not null;

-- The ledger records withdrawals and the items the hub cancelled (a prerequisite rejected, a withdrawal). The kind's
-- check was named when V14 built the table beside its predecessor, so it is found by what it checks.
do $$
declare
    kind_check text;
begin
    select conname into kind_check from pg_constraint
    where conrelid = 'evidence_entry'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%kind%';
    execute format('alter table evidence_entry drop constraint %I', kind_check);
end $$;
alter table evidence_entry add constraint evidence_entry_kind
    check (kind in ('INTAKE', 'PULL', 'PUSH', 'STATUS', 'WITHDRAWAL', 'CANCEL'));
