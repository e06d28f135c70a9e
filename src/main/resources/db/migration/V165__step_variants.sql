-- Which of a cadence step's wordings (A/B variants) an email was written in; null for a step with one.
alter table outbox add column variant varchar(20);

-- Each variant of a cadence step a prospect was given, and what followed it: the email sent (or the
-- voicemail left), opened, clicked, answered, a call that connected and a meeting booked after it.
create table variant_exposures (
    id            uuid primary key,
    prospect_id   uuid         not null,
    owner_id      uuid,
    cadence_key   varchar(40)  not null,
    step_n        int          not null,
    channel       varchar(10)  not null,
    variant       varchar(20)  not null,
    template      varchar(120),
    email_id      uuid,
    planned_at    timestamp with time zone not null,
    exposed_at    timestamp with time zone,
    opened_at     timestamp with time zone,
    clicked_at    timestamp with time zone,
    replied_at    timestamp with time zone,
    connected_at  timestamp with time zone,
    booked_at     timestamp with time zone,
    constraint variant_exposures_email unique (email_id)
);
create index variant_exposures_prospect on variant_exposures (prospect_id, planned_at);
create index variant_exposures_step on variant_exposures (cadence_key, step_n, planned_at);

-- Meetings booked, by the member who owns the prospect and when, for the manager's comparison by week.
create table meetings_booked (
    appointment_id  uuid primary key,
    owner_id        uuid,
    booked_at       timestamp with time zone not null
);
create index meetings_booked_at on meetings_booked (booked_at);
