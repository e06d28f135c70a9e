-- An administrator's calling hours: rows that replace the shipped ones for the same place and weekdays
-- (calendar/calling-hours.csv), kept in the order they were given.
create table calling_hours (
    position   integer      not null primary key,
    place      varchar(6)   not null,
    days       varchar(60)  not null,
    hours      varchar(200) not null,
    source     varchar(500) not null,
    changed_at timestamp with time zone not null
);

-- The organisation's own days off, when nobody is called whatever the country.
create table days_off (
    off_on   date         not null primary key,
    name     varchar(200) not null,
    added_at timestamp with time zone not null
);
