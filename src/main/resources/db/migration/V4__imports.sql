-- CSV imports of prospects: one row per uploaded file with its progress, and the rows it rejected.
create table imports (
    id               uuid primary key,
    member_id        uuid not null references members (id) on delete cascade,
    file_name        varchar(300),
    status           varchar(8) not null,
    bytes_total      bigint not null default 0,
    bytes_read       bigint not null default 0,
    processed        bigint not null default 0,
    imported         bigint not null default 0,
    updated          bigint not null default 0,
    rejected         bigint not null default 0,
    format           varchar(100),
    mapped_columns   varchar(4000),
    ignored_columns  varchar(4000),
    failure          varchar(1000),
    created_at       timestamp with time zone not null,
    finished_at      timestamp with time zone,
    constraint imports_status check (status in ('RUNNING', 'DONE', 'FAILED'))
);
create index imports_member on imports (member_id, created_at);

create table import_errors (
    import_id    uuid not null references imports (id) on delete cascade,
    row_no       bigint not null,
    column_name  varchar(200),
    message      varchar(1000) not null
);
create index import_errors_import on import_errors (import_id, row_no);
