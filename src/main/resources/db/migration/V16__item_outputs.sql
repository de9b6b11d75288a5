-- Outputs (业务协同): what an item's department reported with its DONE decision, sealed like the record ({} none);
-- the outputs the mapping declares for the item, each with its pattern ("" any text), to check a report against;
-- and whether the item takes an earlier item's output, so its record is completed when it is released.
alter table application_item add column outputs jsonb not null default '{}';
alter table application_item add column declared_outputs jsonb;
alter table application_item add column takes_outputs boolean not null default false;
