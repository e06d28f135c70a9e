-- Accounts (companies being sold to) and prospects (people at them). Emails are stored lower-cased,
-- phones in E.164, so both identify a person whatever way they were typed.
create table accounts (
    id          uuid primary key,
    name        varchar(200) not null,
    -- the web domain when known, else the lower-cased name: how imports and signals find the account again
    match_key   varchar(253) not null,
    domain      varchar(253),
    industry    varchar(100),
    country     varchar(2),
    created_at  timestamp with time zone not null,
    constraint accounts_match_key unique (match_key)
);
create index accounts_domain on accounts (domain);

create table prospects (
    id                 uuid primary key,
    account_id         uuid references accounts (id),
    owner_id           uuid not null references members (id),
    full_name          varchar(200) not null,
    title              varchar(200),
    email              varchar(254),
    phone_e164         varchar(20),
    time_zone          varchar(64) not null,
    time_zone_source   varchar(8) not null,
    time_zone_note     varchar(300),
    country            varchar(2),
    decision_role      varchar(16) not null default 'UNKNOWN',
    stage              varchar(12) not null default 'NEW',
    do_not_call        boolean not null default false,
    email_opt_out      boolean not null default false,
    source             varchar(12) not null,
    import_id          uuid,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint prospects_email unique (email),
    constraint prospects_stage check (stage in ('NEW', 'ATTEMPTING', 'ENGAGED', 'WON', 'LOST', 'NURTURE')),
    constraint prospects_decision_role check (decision_role in ('DECISION_MAKER', 'INFLUENCER', 'INFO_GATHERER', 'END_USER', 'UNKNOWN')),
    constraint prospects_time_zone_source check (time_zone_source in ('GIVEN', 'PHONE', 'COUNTRY', 'DEFAULT')),
    constraint prospects_reachable check (email is not null or phone_e164 is not null)
);
create index prospects_owner_stage on prospects (owner_id, stage);
create index prospects_account on prospects (account_id);
create index prospects_phone on prospects (phone_e164);

create index prospects_name on prospects (full_name);

-- What remains of an erased person: one-way hashes of their email and phone, so they are not imported
-- or contacted again until an administrator lifts the suppression.
create table suppressions (
    id          uuid primary key,
    email_hash  varchar(64),
    phone_hash  varchar(64),
    created_at  timestamp with time zone not null,
    created_by  uuid
);
create index suppressions_email on suppressions (email_hash);
create index suppressions_phone on suppressions (phone_hash);
