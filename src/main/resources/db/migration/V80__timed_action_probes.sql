-- Probe actions an administrator schedules to measure how punctual (and how exactly-once) the
-- timed work of this installation is.
create table timed_action_probes (
    run_id        uuid         not null,
    n             int          not null,
    due_at        timestamp with time zone not null,
    first_ran_at  timestamp with time zone,
    lateness_ms   bigint,
    runs          int          not null default 0,
    ran_by        varchar(200),
    primary key (run_id, n)
);
