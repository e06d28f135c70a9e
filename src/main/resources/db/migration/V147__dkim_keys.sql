-- The key outgoing email is DKIM-signed with, made on first start (or read from the file an admin
-- gives): one per signing domain and selector, shared by every instance.
create table dkim_keys (
    domain       varchar(253)  not null,
    selector     varchar(63)   not null,
    private_key  text          not null,
    public_key   text          not null,
    created_at   timestamp with time zone not null,
    primary key (domain, selector)
);
