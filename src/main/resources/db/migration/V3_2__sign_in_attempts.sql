-- Failed sign-ins per email tried (a SHA-256 of it, lower-cased), whether or not a member has that email,
-- so an unknown email is slowed down and locked exactly like a known one and the answers tell nobody which
-- emails exist. Every attempt moves `version` on: two attempts side by side never both count as the same one.
create table sign_in_attempts (
    email_hash      varchar(64) primary key,
    failures        int         not null,
    version         bigint      not null,
    last_failed_at  timestamp with time zone not null,
    locked_until    timestamp with time zone
);
create index sign_in_attempts_last_failed on sign_in_attempts (last_failed_at);

alter table members drop column failed_sign_ins;
alter table members drop column last_failed_at;
alter table members drop column locked_until;
