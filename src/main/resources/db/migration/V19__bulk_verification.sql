-- A verifier's bulk verification (issue 15): each item is remembered as a check, marked with the run it belonged to
-- and the run's size, so the list of checks can group them. Null for single checks (all earlier rows).
alter table verification_check add column bulk_run varchar(36);
alter table verification_check add column bulk_items integer;
