-- A prospect's cadence may be paused, with a reason and the moment it resumes by itself (if given).
-- A paused enrolment keeps its prospect in active_prospect_id: it still is their one running cadence.
alter table enrolments drop constraint enrolments_status;
alter table enrolments add constraint enrolments_status check (status in ('ACTIVE', 'PAUSED', 'ENDED'));
alter table enrolments add column paused_at timestamp with time zone;
alter table enrolments add column pause_reason varchar(200);
alter table enrolments add column resume_at timestamp with time zone;
