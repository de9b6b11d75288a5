-- An application whose sources are down waits and is collected again later; after too many attempts it
-- needs an operator. Materials are what the applicant supplied after the fact, for fields no source had.
alter table application add column collect_attempts integer not null default 0;
alter table application add column next_collect_at timestamptz;
alter table application add column attention_reason text;
alter table application add column materials jsonb not null default '{}'::jsonb;
create index application_waiting on application (next_collect_at) where status = 'WAITING_FOR_SOURCES';
