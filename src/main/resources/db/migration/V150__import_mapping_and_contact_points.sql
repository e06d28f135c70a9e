-- Every email and phone an imported person carries beyond the main ones, and the id their source CRM
-- gave them (kind EMAIL, PHONE or CRM_ID; label: the layout of the file it came from).
create table prospect_contact_points (
    prospect_id  uuid not null references prospects (id) on delete cascade,
    kind         varchar(10) not null,
    value_text   varchar(254) not null,
    label        varchar(60),
    created_at   timestamp with time zone not null,
    primary key (prospect_id, kind, value_text)
);
create index prospect_contact_points_value on prospect_contact_points (kind, value_text);

-- A row imported with a value set aside carries a warning; report footers are counted, not rejected.
alter table import_errors add column warning boolean default false not null;
alter table imports add column warned bigint default 0 not null;
alter table imports add column footer_lines bigint default 0 not null;
alter table imports add column layout varchar(200);

-- The mapping a person chose for a header row, used again for the next file with the same headers.
create table import_mappings (
    header_key  varchar(64) primary key,
    header_row  varchar(4000) not null,
    mapping     varchar(8000) not null,
    member_id   uuid references members (id) on delete set null,
    updated_at  timestamp with time zone not null
);

-- An uploaded file waiting for its mapping to be confirmed.
create table import_previews (
    id          uuid primary key,
    member_id   uuid not null references members (id) on delete cascade,
    file_name   varchar(300),
    bytes_total bigint not null,
    created_at  timestamp with time zone not null
);
