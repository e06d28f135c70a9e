package org.followthrough.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How far each mailbox folder was read: the last UID, valid while the folder's UIDVALIDITY stays. */
@Repository
class MailboxCursors {

    private final JdbcClient jdbc;

    MailboxCursors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The last UID read, or 0 when the folder is new to us or was rebuilt (a new UIDVALIDITY). */
    long lastUid(String folder, long uidValidity) {
        return jdbc.sql("select last_uid from mailbox_cursors where folder = ? and uid_validity = ?")
                .params(folder, uidValidity)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    void remember(String folder, long uidValidity, long lastUid) {
        int updated = jdbc.sql("update mailbox_cursors set uid_validity = ?, last_uid = ? where folder = ?")
                .params(uidValidity, lastUid, folder)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into mailbox_cursors (folder, uid_validity, last_uid) values (?, ?, ?)"
                            + " on conflict do nothing")
                    .params(folder, uidValidity, lastUid)
                    .update();
        }
    }
}
