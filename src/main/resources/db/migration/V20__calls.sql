-- The follow-up engine: which cadence each prospect is in, the tasks in the reps' queues, every
-- touch (call, email, voicemail) and the appointments agreed. Everything about a prospect goes when
-- they are erased.
create table enrolments (
    id                  uuid primary key,
    prospect_id         uuid not null references prospects (id) on delete cascade,
    cadence_key         varchar(40) not null,
    started_at          timestamp with time zone not null,
    last_done_n         int not null default 0,
    last_done_at        timestamp with time zone,
    status              varchar(8) not null,
    ended_at            timestamp with time zone,
    end_reason          varchar(200),
    -- the prospect's id while the enrolment runs, null after: at most one running cadence per prospect
    active_prospect_id  uuid,
    constraint enrolments_status check (status in ('ACTIVE', 'ENDED')),
    constraint enrolments_one_active unique (active_prospect_id)
);
create index enrolments_prospect on enrolments (prospect_id);

create table appointments (
    id           uuid primary key,
    prospect_id  uuid not null references prospects (id) on delete cascade,
    owner_id     uuid not null references members (id),
    at           timestamp with time zone not null,
    agenda       varchar(2000),
    status       varchar(10) not null,
    sequence     int not null default 0,
    created_at   timestamp with time zone not null,
    constraint appointments_status check (status in ('BOOKED', 'HELD', 'MISSED', 'CANCELLED'))
);
create index appointments_owner_at on appointments (owner_id, at);
create index appointments_prospect on appointments (prospect_id);

create table tasks (
    id              uuid primary key,
    prospect_id     uuid not null references prospects (id) on delete cascade,
    owner_id        uuid not null references members (id),
    enrolment_id    uuid references enrolments (id) on delete cascade,
    step_n          int,
    appointment_id  uuid references appointments (id) on delete cascade,
    kind            varchar(16) not null,
    due_at          timestamp with time zone not null,
    reason          varchar(500),
    template        varchar(100),
    status          varchar(10) not null,
    done_at         timestamp with time zone,
    created_at      timestamp with time zone not null,
    constraint tasks_kind check (kind in ('APPOINTMENT', 'RETRY', 'FIRST_TIME_CALL', 'FOLLOW_UP', 'INBOUND', 'TRIGGER', 'POST_SALE')),
    constraint tasks_status check (status in ('OPEN', 'DONE', 'CANCELLED')),
    constraint tasks_step unique (enrolment_id, step_n)
);
create index tasks_owner_open on tasks (owner_id, status, due_at);
create index tasks_prospect on tasks (prospect_id, status);

create table touches (
    id                  uuid primary key,
    prospect_id         uuid not null references prospects (id) on delete cascade,
    member_id           uuid references members (id),
    kind                varchar(10) not null,
    outcome             varchar(16),
    label               varchar(20),
    at                  timestamp with time zone not null,
    logged_at           timestamp with time zone not null,
    duration_seconds    int,
    notes               varchar(4000),
    pains               varchar(4000),
    gains               varchar(4000),
    objection_category  varchar(12),
    objection_text      varchar(1000),
    task_id             uuid,
    appointment_id      uuid,
    lateness_seconds    bigint,
    constraint touches_kind check (kind in ('CALL', 'EMAIL', 'VOICEMAIL', 'NOTE'))
);
create index touches_prospect_at on touches (prospect_id, at);
