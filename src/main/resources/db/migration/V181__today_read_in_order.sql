-- Today counts a rep's open calls by place, time span and urgency from one index (every column the count
-- needs is in it, so PostgreSQL answers from the index alone), and reads each section's rows in the
-- order shown, stopping at the rows it shows: the calls due now by due time, those deferred to their
-- prospect's opening a place at a time.
create index tasks_owner_due_order on tasks (owner_id, status, due_at, created_at);
create index tasks_owner_place_due on tasks (owner_id, status, queue_place, due_at, created_at, kind, queue_state, prospect_id);
