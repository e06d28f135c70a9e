-- A big team's data for the queue and analytics benchmarks: :prospects prospects spread over the
-- bench reps, ten touches each, one open task each (due from two days ago to thirty days ahead) and two done tasks.
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
drop index touches_label_at;
-- Ten touches per prospect over the last five weeks, at hours spread over the US working day. Calls
-- before the sixth touch are first-time calls (FTC #n); an engaged prospect's sixth connects, some
-- with an objection; the eighth is an appointment call logged a little late or early; the tenth
-- closes a few prospects as WON or LOST and moves the nurtured ones to NURTURE.
insert into touches (id, prospect_id, member_id, kind, outcome, label, at, logged_at, objection_category,
                     appointment_id, lateness_seconds, next_stage, follow_ups, prospect_said_no)
select gen_random_uuid(), p.id, p.owner_id,
       case when j % 5 = 4 then 'EMAIL' else 'CALL' end,
       case when j % 5 = 4 then null
            when j = 6 and p.stage = 'ENGAGED' then 'CONNECTED'
            when j = 8 and p.stage = 'ENGAGED' then 'CONNECTED'
            when j = 10 and h % 20 < 2 then 'CONNECTED'
            else (array['NO_ANSWER', 'VOICEMAIL', 'GATEKEEPER'])[1 + j % 3] end,
       case when j % 5 = 4 then null
            when j = 8 and p.stage = 'ENGAGED' then 'Appointment'
            when n <= 5 or (n = 6 and p.stage <> 'ENGAGED') then 'FTC #' || n
            when p.stage = 'ENGAGED' then 'Follow-up #' || (n - 5) end,
       t.at, t.at,
       case when j = 6 and p.stage = 'ENGAGED' and h % 2 = 0
            then (array['BUDGET', 'AUTHORITY', 'NEED', 'TIMING', 'OTHER'])[1 + h % 5] end,
       case when j = 8 and p.stage = 'ENGAGED' then gen_random_uuid() end,
       case when j = 8 and p.stage = 'ENGAGED' then h % 400 - 40 end,
       case when j = 10 and h % 20 = 0 then 'WON' when j = 10 and h % 20 = 1 then 'LOST'
            when j = 10 and p.stage = 'NURTURE' then 'NURTURE' end,
       case when j = 10 and (h % 20 < 2 or p.stage = 'NURTURE') then h % 7 end,
       case when j = 10 and h % 20 = 1 then h % 3 = 0 end
from prospects p cross join generate_series(1, 10) j
cross join lateral (select abs(hashtext(p.email || j)) as h, j - (j + 1) / 5 as n) hh
cross join lateral (select date_trunc('day', now() - (40 - j * 3) * interval '1 day') + interval '13 hours'
                           + (h % (11 * 60)) * interval '1 minute' as at) t;
alter table touches add constraint touches_pkey primary key (id);
create index touches_prospect_at on touches (prospect_id, at);
create index touches_next_stage_at on touches (next_stage, at, member_id, follow_ups, prospect_said_no);
create index touches_objection_at on touches (objection_category, at, member_id);
create index touches_label_at on touches (label, at, member_id, lateness_seconds);

-- the calls counted by hour, as logging each call would have counted it
insert into call_hours (member_id, hour_start, weekday, local_hour, attempt, calls, connected)
select t.member_id, date_trunc('hour', t.at at time zone 'UTC') at time zone 'UTC',
       extract(isodow from t.at at time zone p.time_zone), extract(hour from t.at at time zone p.time_zone),
       case when t.label = 'Appointment' then -1 else coalesce(substring(t.label from '^FTC #([0-9]+)$')::int, 0) end, count(*), count(*) filter (where t.outcome = 'CONNECTED')
from touches t join prospects p on p.id = t.prospect_id
where t.kind = 'CALL'
group by 1, 2, 3, 4, 5;

set session_replication_role = origin;
analyze prospects;
analyze tasks;
-- vacuumed as autovacuum would soon after a load this size, so index-only scans can skip the rows
vacuum analyze touches;
analyze call_hours;
