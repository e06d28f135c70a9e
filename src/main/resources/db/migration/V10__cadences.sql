-- Cadences as data: each a named list of steps (JSON) that managers edit; the built-in ones are
-- written on start when missing.
create table cadences (
    cadence_key  varchar(40) primary key,
    name         varchar(100) not null,
    steps        text not null,
    end_stage    varchar(12),
    built_in     boolean not null,
    updated_at   timestamp with time zone not null,
    updated_by   uuid
);
