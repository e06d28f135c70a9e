-- The body exactly as the sender posted it (the signature covers it, so it is the evidence of what was
-- sent), and how the signal was matched, in words a rep reads on a task. Events between modules carry
-- only signal ids: listeners read the signal here, so nothing about a person sits in the event registry.
alter table signals add column raw_body varchar(65536);
alter table signals add column matched_by varchar(600);
