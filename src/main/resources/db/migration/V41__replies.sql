-- Email read from the replies mailbox over IMAP (R21). One row per Message-ID, written before the
-- message is announced, so a message polled twice (or by two instances) is handled once.
create table inbound_emails (
    message_id     varchar(998)  primary key,
    from_address   varchar(320),
    subject        varchar(998),
    in_reply_to    varchar(998),
    prospect_id    uuid,
    auto_reply     boolean       not null,
    received_at    timestamp with time zone,
    handled_at     timestamp with time zone not null
);

-- How far each mailbox folder has been read: IMAP UIDs only grow while the UIDVALIDITY stays.
create table mailbox_cursors (
    folder        varchar(200)  primary key,
    uid_validity  bigint        not null,
    last_uid      bigint        not null
);
