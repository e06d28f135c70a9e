-- Webhooks out: the addresses that subscribe to FollowThrough's events, one delivery row per event
-- and subscriber (written in the same transaction as the event, so none is lost), and every attempt
-- to deliver it with what the receiver answered.
create table webhook_subscribers (
    id          uuid          primary key,
    url         varchar(2000) not null,
    secret      varchar(200)  not null,
    -- the event names it wants, comma-separated; null for all of them
    events      varchar(500),
    created_at  timestamp with time zone not null,
    created_by  uuid
);

create table webhook_deliveries (
    id               uuid         primary key,
    subscriber_id    uuid         not null references webhook_subscribers (id) on delete cascade,
    event_id         uuid         not null,
    event            varchar(40)  not null,
    payload          text         not null,
    status           varchar(10)  not null,
    attempts         int          not null default 0,
    next_attempt_at  timestamp with time zone not null,
    created_at       timestamp with time zone not null,
    delivered_at     timestamp with time zone,
    constraint webhook_deliveries_status check (status in ('PENDING', 'SENDING', 'DELIVERED', 'FAILED'))
);
create index webhook_deliveries_due on webhook_deliveries (status, next_attempt_at);
create index webhook_deliveries_subscriber on webhook_deliveries (subscriber_id, created_at);

create table webhook_attempts (
    id           uuid     primary key,
    delivery_id  uuid     not null references webhook_deliveries (id) on delete cascade,
    at           timestamp with time zone not null,
    status_code  int,
    error        varchar(1000),
    duration_ms  bigint   not null
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, at);
