-- Keys this installation keeps to itself, shared by every instance on the database: the first instance
-- that needs one creates it, the others read it.
create table prospect_keys (
    name    varchar(50)  primary key,
    secret  varchar(200) not null
);

-- Suppression entries are HMAC-SHA256 under the 'suppressions' key from now on, so a phone number cannot
-- be found again by hashing every possible one. Entries written before are plain SHA-256; a hash cannot be
-- turned back into the number, so they stay as they are (keyed = false) and are still checked.
alter table suppressions add column keyed boolean not null default false;
