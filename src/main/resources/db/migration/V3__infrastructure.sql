-- Timed actions (db-scheduler's PostgreSQL table, unchanged; it also runs on H2 in PostgreSQL mode).
create table scheduled_tasks (
    task_name             text not null,
    task_instance         text not null,
    task_data             bytea,
    execution_time        timestamp with time zone not null,
    picked                boolean not null,
    picked_by             text,
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  int,
    last_heartbeat        timestamp with time zone,
    version               bigint not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Spring Modulith's event publication registry: events between modules survive a crash.
create table event_publication (
    id                      uuid not null primary key,
    listener_id             varchar(512) not null,
    event_type              varchar(512) not null,
    serialized_event        varchar(100000) not null,
    publication_date        timestamp with time zone not null,
    completion_date         timestamp with time zone,
    status                  varchar(20),
    completion_attempts     int,
    last_resubmission_date  timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
