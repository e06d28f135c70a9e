-- Where an inquiry's person is, as the sender's form wrote it (kept even when it cannot be read, so a
-- warning can quote it), and what became of each inquiry: TAKEN (a prospect and a call; the detail then
-- holds any warning, such as a time zone set aside), REJECTED (the detail says why: it names nobody
-- FollowThrough can reach) or FAILING (it could not be handled yet and is being retried). Administrators
-- list the rejected, failing and warned ones, newest first.
alter table signals add column country varchar(100);
alter table signals add column region varchar(100);
alter table signals add column time_zone varchar(100);
alter table signals add column outcome varchar(10);
alter table signals add column outcome_detail varchar(1000);
alter table signals add column outcome_at timestamp with time zone;
alter table signals add constraint signals_outcome check (outcome in ('TAKEN', 'REJECTED', 'FAILING'));
create index signals_outcome on signals (outcome, received_at);
