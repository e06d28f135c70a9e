package org.followthrough.messaging;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which of a cadence step's wordings (A/B variants) an email in the outbox was written in, and when
 * such emails went out, for the numbers that compare the wordings.
 */
@Service
public class OutboxVariants {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    OutboxVariants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records on the email the variant it was written in. */
    public void tag(UUID emailId, String variant) {
        jdbc.sql("update outbox set variant = ? where id = ?")
                .params(variant, emailId)
                .update();
    }

    /** The variant an email was written in, if its step had several. */
    public Optional<String> variantOf(UUID emailId) {
        return jdbc.sql("select variant from outbox where id = ? and variant is not null")
                .param(emailId)
                .query(String.class)
                .optional();
    }

    /** When each of these emails was sent, for those that were. */
    public Map<UUID, Instant> sentAt(Collection<UUID> emailIds) {
        var sent = new HashMap<UUID, Instant>();
        var ids = List.copyOf(emailIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("select id, sent_at from outbox where status = :sent and id in (:ids)")
                    .param("sent", EmailStatus.SENT.name())
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query((rs, i) -> sent.put(Sql.uuid(rs, "id"), Sql.instant(rs, "sent_at")))
                    .list();
        }
        return sent;
    }
}
