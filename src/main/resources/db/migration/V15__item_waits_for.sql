-- The business-collaboration order: the items an item waits for, with their milestones, as the mapping said when
-- the application was collected ({"registration": "done"}); null when it waits for none.
alter table application_item add column waits_for jsonb;
