-- Where a prospect may be (R1, R2): their region within the country (ISO 3166-2, such as US-AK; whether
-- someone gave it or it was read from the phone), and every time zone they may be in while their number
-- or country spans several (canonical IANA ids separated by spaces, the chosen zone first; null when the
-- zone is its own only candidate). Until a rep confirms the zone, calls keep to hours legal in every one.
alter table prospects add column region varchar(6);
alter table prospects add column region_given boolean default false not null;
alter table prospects add column time_zone_candidates varchar(2000);
