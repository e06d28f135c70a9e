-- The address prospects and team members reach this installation at, as the first admin gave it
-- (links in email: unsubscribe, tracking, the call screen). Without a row the setting
-- followthrough.mail.public-url holds.
create table public_address (
    id       int           primary key,
    url      varchar(500)  not null,
    set_by   varchar(320),
    set_at   timestamp with time zone not null,
    constraint public_address_one_row check (id = 1)
);
