alter table application add column trace_id text;
