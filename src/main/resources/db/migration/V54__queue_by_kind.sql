-- The queue reads what is due now a kind group at a time (appointments first, R11), each in due-time
-- order straight from this index, so a rep with thousands of due tasks costs no sort.
create index tasks_owner_kind_open on tasks (owner_id, status, kind, due_at);
