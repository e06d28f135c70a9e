-- Whose turn it is to take a new prospect nobody claimed: one row per rotation, moved on atomically by
-- every instance sharing the database, and kept across restarts. 'unassigned' hands out prospects that
-- managers add by API or import without an owner; 'inquiries' the people new web inquiries bring.
create table owner_turns (
    pool  varchar(20) primary key,
    turn  bigint      not null
);
insert into owner_turns (pool, turn) values ('unassigned', 0);
insert into owner_turns (pool, turn) values ('inquiries', 0);

-- The members an administrator chose to take web inquiries, in turn; none chosen means every active rep.
create table inquiry_owners (
    member_id  uuid primary key references members (id) on delete cascade,
    position   int  not null
);
