-- What the queue needs to know of a task's prospect to count Today's sections in the database rather
-- than reading every open task: where they are (the place their legal hours are checked in: zone,
-- country, region and the zones they may be in) and whether their calls are queued (OPEN; CLOSED for a
-- prospect in nurture, won or lost, whose after-sale, trigger, inbound and appointment calls still
-- count; OUT for do-not-call or gone). Null until the queue fills it from the prospect; a change to the
-- prospect sets it back to null, and the next read fills it again.
alter table tasks add column queue_place varchar(600);
alter table tasks add column queue_state varchar(6);
create index tasks_owner_queue_facts on tasks (owner_id, status, queue_place);
