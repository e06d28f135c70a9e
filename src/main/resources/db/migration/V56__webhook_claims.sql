-- A delivery round marks what it takes with its own token and time, so two rounds never post the same
-- delivery; what a dead round held is taken back only once its lease has run out.
alter table webhook_deliveries add column claimed_by uuid;
alter table webhook_deliveries add column claimed_at timestamp with time zone;
