-- One row per timed action whose work was done, written in the same transaction as the work. A
-- crash between the work and the scheduler marking it complete makes the scheduler run the action
-- again; this row turns that second run into a no-op, so the work itself happens exactly once.
create table timed_action_runs (
    instance_id   varchar(300) not null,
    due_at        timestamp with time zone not null,
    ran_at        timestamp with time zone not null,
    repeats       int not null default 0,
    primary key (instance_id, due_at)
);
create index timed_action_runs_ran_at on timed_action_runs (ran_at);
