-- A member may ask to hear of a new web inquiry or trigger event by email too, not only on the live page.
alter table members add column email_alerts boolean not null default false;
