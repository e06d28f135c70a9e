-- Addresses a mail server said do not exist (a hard bounce, RFC 3464 status 5.x.x, or a 5xx refusal
-- when sending): nothing more is sent to them until someone corrects or clears the address.
create table undeliverable_addresses (
    address      varchar(320)  primary key,
    prospect_id  uuid,
    status       varchar(20)   not null,
    diagnostic   varchar(1000),
    message_id   varchar(200),
    bounced_at   timestamp with time zone not null
);
create index undeliverable_prospect on undeliverable_addresses (prospect_id);
