-- The team's calls counted by the hour they were made in, the prospect's local weekday and hour, and
-- the first-time-call attempt (n of FTC #n, 0 for any other call): what the connect-rate heat map, the
-- learned best times and the reach by attempt read, without reading every touch of the period. Counted
-- when the call is logged; an erased prospect's calls stay counted, as numbers about no one.
create table call_hours (
    member_id   uuid not null references members (id),
    hour_start  timestamp with time zone not null,
    weekday     smallint not null,
    local_hour  smallint not null,
    attempt     smallint not null,
    calls       int not null,
    connected   int not null,
    constraint call_hours_pk primary key (member_id, hour_start, weekday, local_hour, attempt),
    constraint call_hours_weekday check (weekday between 1 and 7),
    constraint call_hours_local_hour check (local_hour between 0 and 23)
);
create index call_hours_hour on call_hours (hour_start);
-- The rarer touches the numbers read by kind over a period: closings, and objections.
create index touches_next_stage_at on touches (next_stage, at);
create index touches_objection_at on touches (objection_category, at);
create index touches_appointment_at on touches (appointment_id, at);
