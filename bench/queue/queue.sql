-- pgbench script: the SQL behind one GET /api/v1/queue for a random rep (what is due now, a kind group
-- at a time: appointments, then inbound calls, then retries and trigger calls, then the rest; then what comes
-- later by due time; and the calls behind each task's FTC / follow-up label) as one statement,
-- without HTTP, JSON or authentication.
\set r random(1, 100)
with rep as (select id from members where email = 'rep-' || :r || '@bench.example'),
g0 as (
    select t.*, p.full_name, p.time_zone, p.country from tasks t join prospects p on p.id = t.prospect_id
    where t.owner_id = (select id from rep) and t.status = 'OPEN' and p.do_not_call = false
      and (p.stage in ('NEW', 'ATTEMPTING', 'ENGAGED') or t.kind in ('POST_SALE', 'TRIGGER', 'INBOUND', 'APPOINTMENT'))
      and t.kind = 'APPOINTMENT' and t.due_at <= now()
    order by t.due_at, t.created_at fetch first 100 rows only),
g1 as (
    select t.*, p.full_name, p.time_zone, p.country from tasks t join prospects p on p.id = t.prospect_id
    where t.owner_id = (select id from rep) and t.status = 'OPEN' and p.do_not_call = false
      and (p.stage in ('NEW', 'ATTEMPTING', 'ENGAGED') or t.kind in ('POST_SALE', 'TRIGGER', 'INBOUND', 'APPOINTMENT'))
      and t.kind = 'INBOUND' and t.due_at <= now()
    order by t.due_at, t.created_at fetch first 100 rows only),
g2 as (
    select t.*, p.full_name, p.time_zone, p.country from tasks t join prospects p on p.id = t.prospect_id
    where t.owner_id = (select id from rep) and t.status = 'OPEN' and p.do_not_call = false
      and (p.stage in ('NEW', 'ATTEMPTING', 'ENGAGED') or t.kind in ('POST_SALE', 'TRIGGER', 'INBOUND', 'APPOINTMENT'))
      and t.kind in ('RETRY', 'TRIGGER') and t.due_at <= now()
    order by t.due_at, t.created_at fetch first 100 rows only),
g3 as (
    select t.*, p.full_name, p.time_zone, p.country from tasks t join prospects p on p.id = t.prospect_id
    where t.owner_id = (select id from rep) and t.status = 'OPEN' and p.do_not_call = false
      and (p.stage in ('NEW', 'ATTEMPTING', 'ENGAGED') or t.kind in ('POST_SALE', 'TRIGGER', 'INBOUND', 'APPOINTMENT'))
      and t.kind not in ('APPOINTMENT', 'INBOUND', 'RETRY', 'TRIGGER') and t.due_at <= now()
    order by t.due_at, t.created_at fetch first 100 rows only),
later as (
    select t.*, p.full_name, p.time_zone, p.country from tasks t join prospects p on p.id = t.prospect_id
    where t.owner_id = (select id from rep) and t.status = 'OPEN' and p.do_not_call = false
      and (p.stage in ('NEW', 'ATTEMPTING', 'ENGAGED') or t.kind in ('POST_SALE', 'TRIGGER', 'INBOUND', 'APPOINTMENT'))
      and t.due_at > now() and t.due_at <= now() + interval '14 days'
    order by t.due_at, t.created_at fetch first 100 rows only),
q as (select * from (select 0 as g, * from g0 union all select 1, * from g1 union all select 2, * from g2
                     union all select 3, * from g3 union all select 4, * from later) a
      order by g, due_at, created_at fetch first 100 rows only)
select q.*, c.outcome from q left join touches c on c.prospect_id = q.prospect_id and c.kind = 'CALL'
order by q.due_at, c.at;
