-- The end a connected call was closed with (R9, R13): the stage, the rep's reason, whether the
-- prospect said no, whether the rep confirmed giving up early, and how many follow-ups there had
-- been, so closing as LOST after fewer than five follow-ups without a no can be reported.
alter table touches add column next_stage varchar(12);
alter table touches add column next_stage_reason varchar(500);
alter table touches add column prospect_said_no boolean;
alter table touches add column confirmed_giving_up boolean;
alter table touches add column follow_ups int;
