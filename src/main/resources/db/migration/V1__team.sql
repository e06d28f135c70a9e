-- The organisation using FollowThrough, its members and their personal API tokens.
create table organisation (
    id          int primary key,
    name        varchar(200) not null,
    time_zone   varchar(64)  not null,
    country     varchar(2)   not null,
    created_at  timestamp with time zone not null,
    constraint organisation_single_row check (id = 1)
);

create table members (
    id               uuid primary key,
    email            varchar(320) not null,
    full_name        varchar(200) not null,
    role             varchar(16)  not null,
    password_hash    varchar(200) not null,
    phone            varchar(32),
    time_zone        varchar(64)  not null,
    active           boolean      not null default true,
    failed_sign_ins  int          not null default 0,
    last_failed_at   timestamp with time zone,
    locked_until     timestamp with time zone,
    created_at       timestamp with time zone not null,
    constraint members_role check (role in ('REP', 'MANAGER', 'ADMIN')),
    -- emails are stored lower-cased so this is case-insensitive
    constraint members_email unique (email)
);

create table api_tokens (
    id            uuid primary key,
    member_id     uuid         not null references members (id) on delete cascade,
    name          varchar(100) not null,
    token_hash    varchar(64)  not null,
    prefix        varchar(16)  not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone,
    constraint api_tokens_hash unique (token_hash)
);
create index api_tokens_member on api_tokens (member_id);
