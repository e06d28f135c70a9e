-- pgbench script: the statements behind one GET /api/v1/analytics/summary (last 90 days) as the server
-- runs them, without HTTP, JSON or authentication. -D team=1 reads the whole team; -D team=0
-- a random rep's touches and prospects.
\set r random(1, 100)
select t.follow_ups, count(*) from touches t where t.next_stage = 'WON' and t.at >= now() - interval '90 days' and t.at <= now()
    and (:team = 1 or t.member_id = (select id from members where email = 'rep-' || :r || '@bench.example')) group by t.follow_ups order by t.follow_ups;
select count(*), coalesce(sum(case when t.follow_ups <= 1 and not coalesce(t.prospect_said_no, false) then 1 else 0 end), 0)
    from touches t where t.next_stage in ('LOST', 'NURTURE') and t.at >= now() - interval '90 days' and t.at <= now()
    and (:team = 1 or t.member_id = (select id from members where email = 'rep-' || :r || '@bench.example'));
select count(*), percentile_cont(0.5) within group (order by greatest(t.lateness_seconds, 0))
    from touches t where t.label = 'Appointment' and t.lateness_seconds is not null
    and t.at >= now() - interval '90 days' and t.at <= now() and (:team = 1 or t.member_id = (select id from members where email = 'rep-' || :r || '@bench.example'));
select t.objection_category, count(*) from touches t where t.objection_category in ('BUDGET', 'AUTHORITY', 'NEED', 'TIMING', 'OTHER')
    and t.at >= now() - interval '90 days' and t.at <= now() and (:team = 1 or t.member_id = (select id from members where email = 'rep-' || :r || '@bench.example')) group by t.objection_category;
select weekday, local_hour, attempt, sum(calls), sum(connected) from call_hours
    where hour_start >= date_trunc('hour', now() - interval '90 days') and hour_start <= now()
    and (:team = 1 or member_id = (select id from members where email = 'rep-' || :r || '@bench.example')) group by weekday, local_hour, attempt;
select p.id, p.full_name, p.owner_id, p.stage, p.do_not_call from leads_without_next_step l
    join prospects p on p.id = l.prospect_id where p.stage in ('NEW', 'ATTEMPTING', 'ENGAGED', 'NURTURE')
      and (p.do_not_call or not exists (select 1 from tasks t where t.prospect_id = p.id and t.status = 'OPEN'))
      and not exists (select 1 from enrolments e where e.active_prospect_id = p.id and e.waiting_until >= now() - interval '1 hour')
      and (:team = 1 or p.owner_id = (select id from members where email = 'rep-' || :r || '@bench.example'))
    order by p.created_at;
