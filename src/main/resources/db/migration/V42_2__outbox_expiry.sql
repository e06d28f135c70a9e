-- When an email is no longer worth sending: a reminder after its appointment, a thank-you days
-- late. Past it, delivery marks the email EXPIRED instead of sending it (after an SMTP outage, say).
alter table outbox add column expires_at timestamp with time zone;
