-- An import's new prospects are found again by its id, a thousand at a time, to enrol them and to tell
-- webhook subscribers about them.
create index prospects_import on prospects (import_id);
