-- Handled event publications are deleted as they complete (spring.modulith.events.completion-mode=delete):
-- they carried personal data (a signal's email and message, a prospect's name) and grew without limit.
-- The ones handled before this version go now.
delete from event_publication where completion_date is not null;
