-- A big team's data for the queue benchmark: :prospects prospects spread over the bench reps, ten
-- touches each, one open task each (due from two days ago to thirty days ahead) and two done tasks.
-- Foreign-key triggers are off and the bulky indexes are built after the rows, as a bulk load would.
set session_replication_role = replica;
set synchronous_commit = off;
set maintenance_work_mem = '1GB';

create temp table reps as
    select (row_number() over (order by email) - 1)::int as n, id from members where email like 'rep-%@bench.example';

insert into prospects (id, owner_id, full_name, email, phone_e164, time_zone, time_zone_source, country, stage,
                       source, created_at, updated_at)
select gen_random_uuid(), r.id, 'Prospect ' || i, 'p' || i || '@bench.example', '+1212' || lpad(i::text, 7, '0'),
       (array['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'])[1 + i % 4],
       'GIVEN', 'US',
       case when i % 10 < 7 then 'ATTEMPTING' when i % 10 < 9 then 'ENGAGED' else 'NURTURE' end,
       'API', now(), now()
from generate_series(1, :prospects) i join reps r on r.n = i % 100;

alter table tasks drop constraint tasks_pkey;
drop index tasks_owner_open;
drop index tasks_owner_kind_open;
drop index tasks_prospect;
insert into tasks (id, prospect_id, owner_id, kind, due_at, reason, status, done_at, created_at)
select gen_random_uuid(), p.id, p.owner_id,
       case when d.k = 0 then (array['APPOINTMENT', 'RETRY', 'FIRST_TIME_CALL', 'FIRST_TIME_CALL', 'FOLLOW_UP'])[1 + abs(hashtext(p.email)) % 5]
            else 'FIRST_TIME_CALL' end,
       case when d.k = 0 then now() + (abs(hashtext(p.email)) % (32 * 24 * 60) - 2 * 24 * 60) * interval '1 minute'
            else now() - d.k * interval '3 days' end,
       'bench', case when d.k = 0 then 'OPEN' else 'DONE' end,
       case when d.k = 0 then null else now() - d.k * interval '3 days' end,
       now() - interval '30 days'
from prospects p cross join generate_series(0, 2) d(k);
alter table tasks add constraint tasks_pkey primary key (id);
create index tasks_owner_open on tasks (owner_id, status, due_at);
create index tasks_owner_kind_open on tasks (owner_id, status, kind, due_at);
create index tasks_prospect on tasks (prospect_id, status);

alter table touches drop constraint touches_pkey;
drop index touches_prospect_at;
drop index touches_next_stage_at;
drop index touches_objection_at;
drop index touches_appointment_at;
insert into touches (id, prospect_id, member_id, kind, outcome, label, at, logged_at)
select gen_random_uuid(), p.id, p.owner_id,
       case when j % 5 = 4 then 'EMAIL' else 'CALL' end,
       case when j % 5 = 4 then null when j = 6 and p.stage = 'ENGAGED' then 'CONNECTED'
            else (array['NO_ANSWER', 'VOICEMAIL', 'GATEKEEPER'])[1 + j % 3] end,
       null, now() - (40 - j * 3) * interval '1 day', now() - (40 - j * 3) * interval '1 day'
from prospects p cross join generate_series(1, 10) j;
alter table touches add constraint touches_pkey primary key (id);
create index touches_prospect_at on touches (prospect_id, at);
create index touches_next_stage_at on touches (next_stage, at);
create index touches_objection_at on touches (objection_category, at);
create index touches_appointment_at on touches (appointment_id, at);

-- the calls counted by hour, as logging each call would have counted it
insert into call_hours (member_id, hour_start, weekday, local_hour, attempt, calls, connected)
select t.member_id, date_trunc('hour', t.at at time zone 'UTC') at time zone 'UTC',
       extract(isodow from t.at at time zone p.time_zone), extract(hour from t.at at time zone p.time_zone),
       coalesce(substring(t.label from '^FTC #([0-9]+)$')::int, 0), count(*), count(*) filter (where t.outcome = 'CONNECTED')
from touches t join prospects p on p.id = t.prospect_id
where t.kind = 'CALL'
group by 1, 2, 3, 4, 5;

set session_replication_role = origin;
analyze prospects;
analyze tasks;
analyze touches;
analyze call_hours;
