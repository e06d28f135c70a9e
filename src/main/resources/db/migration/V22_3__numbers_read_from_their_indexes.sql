-- The numbers read sales, closings, appointment calls and objections of a period from these indexes
-- alone: each holds what its figure needs after the kind and time, so a period with tens of thousands
-- of them is counted without visiting the touches themselves. An appointment call is found by its
-- label, which the engine gives every call made for an appointment, and only those.
drop index touches_next_stage_at;
drop index touches_objection_at;
drop index touches_appointment_at;
create index touches_next_stage_at on touches (next_stage, at, member_id, follow_ups, prospect_said_no);
create index touches_objection_at on touches (objection_category, at, member_id);
create index touches_label_at on touches (label, at, member_id, lateness_seconds);
