-- Email waiting to go out, written in the same transaction as the change that asked for it. One
-- row per business reason (dedupe_key), so asking twice sends once; message_id is fixed when the
-- row is written, so a resend after a crash carries the same Message-ID.
create table outbox (
    id              uuid          primary key,
    message_id      varchar(200)  not null,
    dedupe_key      varchar(200)  not null,
    prospect_id     uuid,
    to_name         varchar(200)  not null,
    to_address      varchar(320)  not null,
    rep_name        varchar(200),
    rep_address     varchar(320),
    subject         varchar(998)  not null,
    body            text          not null,
    bulk            boolean       not null,
    ics             text,
    ics_method      varchar(10),
    status          varchar(20)   not null,
    due_at          timestamp with time zone not null,
    attempts        int           not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(1000),
    sent_at         timestamp with time zone,
    created_at      timestamp with time zone not null,
    constraint outbox_message_id unique (message_id),
    constraint outbox_dedupe_key unique (dedupe_key)
);
create index outbox_due on outbox (status, next_attempt_at);
create index outbox_prospect on outbox (prospect_id);

-- Keys this installation signs its links with (unsubscribe), shared by every instance.
create table messaging_keys (
    name    varchar(50)  primary key,
    secret  varchar(200) not null
);
