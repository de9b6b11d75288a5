-- The applicant's name as a channel typed it was stored in clear and read by nothing: the departments' records take
-- names from the registries. It goes, with what older applications kept of it.
alter table application drop column applicant_name;
