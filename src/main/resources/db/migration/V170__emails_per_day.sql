-- How many automated emails a cadence lets one prospect get on one of their days (null: the
-- installation's cap, one unless configured), and the allowance each automated email leaves with.
alter table cadences add column emails_per_day int;
alter table outbox add column per_day int;
