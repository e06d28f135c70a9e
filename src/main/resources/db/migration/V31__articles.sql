-- The team's article library: reading worth sending with a reminder (R10) or a follow-up (R14).
-- topics and industries are short lower-cased labels joined by newlines; the library is small
-- enough that matching happens in memory.
create table articles (
    id          uuid           primary key,
    title       varchar(300)   not null,
    link        varchar(2000)  not null,
    topics      varchar(2000)  not null default '',
    industries  varchar(2000)  not null default '',
    added_by    uuid,
    added_at    timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);
