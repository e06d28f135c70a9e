-- Which delivery round claimed an email for sending, and when. A round sends, and marks as sent,
-- only what it claimed itself; only a claim older than the lease (a sender that died or stalled) is
-- put back for another round, so two rounds that overlap never send the same email.
alter table outbox add column claimed_by varchar(100);
alter table outbox add column claimed_at timestamp with time zone;
create index outbox_claimed_by on outbox (claimed_by);
