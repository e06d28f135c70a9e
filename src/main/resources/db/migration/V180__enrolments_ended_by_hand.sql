-- The member who took the prospect out of this cadence by hand (one at a time or in bulk); null when
-- the engine ended it. The never-lose-a-lead check (R23) leaves such a prospect to its owner instead
-- of putting them back into a cadence.
alter table enrolments add column ended_by uuid;
