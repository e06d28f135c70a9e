-- How a phone number on the rep's pages is dialled, as an administrator chose it on the settings page:
-- a link template with {e164} (or {digits}) where the number goes. No row means the default of
-- followthrough.dial.link.
create table dial_settings (
    id          int primary key,
    link        varchar(500) not null,
    changed_at  timestamp with time zone not null,
    changed_by  uuid,
    constraint dial_settings_one_row check (id = 1)
);
