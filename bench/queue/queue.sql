-- pgbench script: the SQL behind one GET /api/v1/queue for a random rep (what is due now by kind,
-- then what comes later by due time, and the calls behind each task's FTC / follow-up label) as one
-- statement, without HTTP, JSON or authentication.
\set r random(1, 100)
with rep as (select id from members where email = 'rep-' || :r || '@bench.example'),
due as (
    select t.*, p.full_name, p.time_zone from tasks t join prospects p on p.id = t.prospect_id
    where t.owner_id = (select id from rep) and t.status = 'OPEN' and t.due_at <= now() and p.do_not_call = false
      and (p.stage in ('NEW', 'ATTEMPTING', 'ENGAGED') or t.kind in ('POST_SALE', 'TRIGGER', 'INBOUND', 'APPOINTMENT'))
    order by case when t.kind = 'APPOINTMENT' then 0 when t.kind in ('RETRY', 'INBOUND', 'TRIGGER') then 1 else 2 end,
             t.due_at, t.created_at
    fetch first 100 rows only),
later as (
    select t.*, p.full_name, p.time_zone from tasks t join prospects p on p.id = t.prospect_id
    where t.owner_id = (select id from rep) and t.status = 'OPEN' and t.due_at > now()
      and t.due_at <= now() + interval '14 days' and p.do_not_call = false
      and (p.stage in ('NEW', 'ATTEMPTING', 'ENGAGED') or t.kind in ('POST_SALE', 'TRIGGER', 'INBOUND', 'APPOINTMENT'))
    order by t.due_at, t.created_at
    fetch first 100 rows only),
q as (select * from due union all (select * from later limit greatest(0, 100 - (select count(*) from due))))
select q.*, c.outcome from q left join touches c on c.prospect_id = q.prospect_id and c.kind = 'CALL'
order by q.due_at, c.at;
