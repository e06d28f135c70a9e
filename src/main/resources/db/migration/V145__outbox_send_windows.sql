-- Automated email leaves only inside the prospect's business hours and within the daily caps: a
-- waiting email held back for that keeps the time it will go at the earliest, and why, for the
-- outbox page and the prospect's timeline.
alter table outbox add column not_before timestamp with time zone;
alter table outbox add column hold_reason varchar(300);
