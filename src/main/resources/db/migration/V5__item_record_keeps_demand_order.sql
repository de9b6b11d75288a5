-- jsonb reorders keys; an item's record and provenance keep the order of its data-demand list, so the
-- department and the status view see the fields as the mapping lists them.
alter table application_item alter column record type json using record::json;
alter table application_item alter column provenance type json using provenance::json;
