-- What the last never-lose-a-lead check (R23) left without a next step: the engaged prospects it
-- cannot plan for, as their owner must. The team's numbers read them here instead of searching a
-- million prospects on every page view.
create table leads_without_next_step (
    prospect_id  uuid primary key references prospects (id) on delete cascade,
    found_at     timestamp with time zone not null
);
