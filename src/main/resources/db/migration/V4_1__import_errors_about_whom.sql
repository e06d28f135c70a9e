-- Whom a rejected import row was about (its email, the digits of its phone as written), so erasing
-- that person also erases the cells of theirs that an import rejected.
alter table import_errors add column email varchar(254);
alter table import_errors add column phone_digits varchar(20);
create index import_errors_email on import_errors (email);
create index import_errors_phone on import_errors (phone_digits);
