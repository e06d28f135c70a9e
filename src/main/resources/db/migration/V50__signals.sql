-- Outside events, once per sender id (external_id): a repeated delivery finds its row and changes
-- nothing. prospect_id and account_id are filled in when the signal is matched.
create table signals (
    id           uuid          primary key,
    external_id  varchar(200)  not null,
    type         varchar(20)   not null,
    occurred_at  timestamp with time zone not null,
    received_at  timestamp with time zone not null,
    email        varchar(320),
    domain       varchar(253),
    url          varchar(2000),
    name         varchar(200),
    phone        varchar(50),
    company      varchar(200),
    message      varchar(10000),
    prospect_id  uuid,
    account_id   uuid,
    constraint signals_external_id unique (external_id)
);
create index signals_email on signals (email);
create index signals_prospect on signals (prospect_id, occurred_at);
