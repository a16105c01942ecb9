-- Modules: a case pool (case_slugs now holds the resolved pool), how many cases an attempt draws and in what
-- order, prerequisites, a time limit, a retake cool-down, and the minimum abnormal/normal cases before a decision.
alter table curriculum_module add column cases_per_attempt integer;
alter table curriculum_module add column random_order boolean default false not null;
alter table curriculum_module add column prerequisites varchar(2000) default '[]' not null;
alter table curriculum_module add column time_limit_minutes integer;
alter table curriculum_module add column retake_cooldown_hours double precision;
alter table curriculum_module add column minimum_abnormal_cases integer default 0 not null;
alter table curriculum_module add column minimum_normal_cases integer default 0 not null;

-- Attempts: the cases this attempt reads, in its order (null: attempts from before draws, which read the pool in
-- order), when it must be finished, and why it ended without passing.
alter table module_attempt add column case_draw varchar(40000);
alter table module_attempt add column deadline_at timestamp(6) with time zone;
alter table module_attempt add column end_reason varchar(40);
