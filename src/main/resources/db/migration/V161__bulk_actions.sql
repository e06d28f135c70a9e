-- Bulk actions on a search of the prospects list: what was asked (the search and the action, as
-- JSON), by whom and when, and how far it got; the prospects it acts on, fixed when it was asked,
-- numbered so a run that stopped goes on after the last one done; an erased person leaves it.
create table bulk_actions (
    id              uuid primary key,
    action          varchar(20) not null,
    request         varchar(4000) not null,
    requested_by    uuid not null,
    requested_at    timestamp with time zone not null,
    status          varchar(8) not null,
    total           int not null default 0,
    processed       int not null default 0,
    changed         int not null default 0,
    skipped         int not null default 0,
    skipped_by      varchar(4000),
    finished_at     timestamp with time zone,
    constraint bulk_actions_status check (status in ('RUNNING', 'DONE'))
);
create index bulk_actions_by_time on bulk_actions (requested_at);
create table bulk_action_items (
    action_id       uuid not null references bulk_actions (id) on delete cascade,
    n               int not null,
    prospect_id     uuid not null references prospects (id) on delete cascade,
    primary key (action_id, n)
);
