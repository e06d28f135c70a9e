-- At most one open trigger call per prospect (R20), even when two trigger events for the same person
-- are handled at the same moment: the prospect's id while the trigger call is open, null after.
alter table tasks add column open_trigger_for uuid;
alter table tasks add constraint tasks_one_open_trigger unique (open_trigger_for);
