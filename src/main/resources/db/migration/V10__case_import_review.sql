-- Case import (issue 3 §1, ADR 0012): where a case came from, the review state of each version, the value-free
-- de-identification report, and the tag queries of module pools (so published uploads can join them).
alter table case_item add column origin varchar(16) default 'content' not null;
alter table case_version add column status varchar(16) default 'PUBLISHED' not null;
alter table case_version add column deid_report varchar(1000000);
alter table case_version add column reviewed_by bigint;
alter table case_version add column reviewed_at timestamp(6) with time zone;
alter table curriculum_module add column case_tags varchar(4000) default '[]' not null;
create index ix_case_version_status on case_version (status);
