-- An article marked generic may go to any prospect; any other only to a prospect of one of its
-- industries or who talked about one of its topics. Articles the team left without topics or
-- industries were offered to everyone until now, so they start out generic.
alter table articles add column generic boolean not null default false;
update articles set generic = true where topics = '' and industries = '';
