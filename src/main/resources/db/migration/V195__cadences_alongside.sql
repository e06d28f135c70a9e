-- A cadence may run alongside the others (an event invitation or a nurture email beside the call
-- cadence). A prospect has at most one running cadence that does not, and any number of running
-- cadences that do, each at most once.
alter table cadences add column alongside boolean default false not null;
alter table enrolments add column alongside boolean default false not null;
-- The prospect's id while an enrolment that does not run alongside is running, null otherwise: a
-- unique index on it is the partial unique index "one running exclusive enrolment per prospect",
-- written so that H2 (which has no partial indexes) and PostgreSQL keep it alike. active_prospect_id
-- stays set on every running enrolment, and is now unique together with the cadence.
alter table enrolments add column exclusive_prospect_id uuid;
update enrolments set exclusive_prospect_id = active_prospect_id;
alter table enrolments drop constraint enrolments_one_active;
alter table enrolments add constraint enrolments_one_exclusive unique (exclusive_prospect_id);
alter table enrolments add constraint enrolments_each_cadence_once unique (active_prospect_id, cadence_key);
