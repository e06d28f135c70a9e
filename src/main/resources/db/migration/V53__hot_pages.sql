-- The URL patterns whose visit is a trigger event (R20), as a manager set them on the settings page.
-- No row means the defaults of followthrough.signals.hot-pages.
create table hot_page_settings (
    id          int primary key,
    patterns    varchar(4000) not null,
    changed_at  timestamp with time zone not null,
    changed_by  uuid,
    constraint hot_page_settings_one_row check (id = 1)
);
