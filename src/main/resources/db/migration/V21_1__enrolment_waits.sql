-- An enrolment whose next step is an email with no call after it (nurture, the last first-time-call
-- email) waits for that email's moment, when a timed action moves it on: nurture plans one email at
-- a time. The step and moment it waits for are kept here, which is also how the never-lose-a-lead
-- check (R23) sees that such a prospect has a planned next step.
alter table enrolments add column waiting_step int;
alter table enrolments add column waiting_until timestamp with time zone;
