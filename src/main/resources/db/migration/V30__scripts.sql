-- Message and script templates, one row per key and variant (ftc-voicemail 1..6 are six rows), and
-- the objection playbooks. Defaults are inserted on start when a row is missing, so an edit by a
-- manager is never overwritten.
create table templates (
    template_key  varchar(100)  not null,
    variant       int           not null,
    channel       varchar(16)   not null,
    subject       varchar(500),
    body          varchar(20000) not null,
    updated_at    timestamp with time zone not null,
    updated_by    varchar(320),
    constraint templates_pk primary key (template_key, variant),
    constraint templates_channel check (channel in ('EMAIL', 'VOICEMAIL', 'SCRIPT')),
    constraint templates_variant check (variant >= 1)
);

create table objection_playbooks (
    category     varchar(16)   primary key,
    listen       varchar(4000) not null,
    acknowledge  varchar(4000) not null,
    explore      varchar(4000) not null,
    respond      varchar(4000) not null,
    updated_at   timestamp with time zone not null,
    updated_by   varchar(320),
    constraint objection_playbooks_category check (category in ('BUDGET', 'AUTHORITY', 'NEED', 'TIMING', 'OTHER'))
);
