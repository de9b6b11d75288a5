-- Which registered client (a channel) submitted the application: only that channel may read it or supply its
-- materials (object-level authorization, docs/security.md). Older rows have none and are visible to no channel.
alter table application add column submitted_by text;
