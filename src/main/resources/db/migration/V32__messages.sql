-- What a rep promised or was promised on a call ("what was to happen since", R14, R15).
alter table touches add column promises varchar(4000);

-- A reply from the prospect stops the automatic emails of their running cadence (R21); calls go on.
alter table enrolments add column emails_stopped_at timestamp with time zone;
alter table enrolments add column emails_stopped_reason varchar(200);

-- Which library article each prospect was sent (reminder P.S., nurture insight), so nobody gets the
-- same article twice. Recorded when the email is planned; forgotten again if that email is cancelled.
create table articles_sent (
    prospect_id  uuid          not null references prospects (id) on delete cascade,
    article_id   uuid          not null,
    dedupe_key   varchar(200)  not null,
    sent_at      timestamp with time zone not null,
    constraint articles_sent_pk primary key (prospect_id, article_id)
);
create index articles_sent_key on articles_sent (dedupe_key);

-- An engine email whose template could not be filled in went out in its safe default wording; why
-- is kept here (and counted) so a manager can fix the template or the missing value.
create table email_fallbacks (
    id           uuid          primary key,
    prospect_id  uuid          references prospects (id) on delete cascade,
    dedupe_key   varchar(200)  not null,
    template     varchar(100),
    reason       varchar(1000) not null,
    created_at   timestamp with time zone not null
);
create index email_fallbacks_prospect on email_fallbacks (prospect_id);
