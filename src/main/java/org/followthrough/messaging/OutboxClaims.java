package org.followthrough.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The outbox rows' life during delivery: claimed, then sent, skipped, failed or retried later. */
@Component
class OutboxClaims {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailSettings settings;

    OutboxClaims(JdbcClient jdbc, Clock clock, MailSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** Puts back what a sender that died had claimed; returns how many. */
    int releaseAbandoned() {
        return jdbc.sql("update outbox set status = 'PENDING' where status = 'SENDING'")
                .update();
    }

    List<MailComposer.Pending> claimDue() {
        var due = jdbc.sql(
                        """
                select id, message_id, prospect_id, to_name, to_address, rep_name, rep_address, subject, body, bulk,
                       ics, ics_method, attempts
                from outbox where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, id
                limit ?""")
                .params(Sql.ts(clock.instant()), settings.batchSize())
                .query((rs, n) -> new MailComposer.Pending(
                        Sql.uuid(rs, "id"),
                        rs.getString("message_id"),
                        Sql.uuid(rs, "prospect_id"),
                        rs.getString("to_name"),
                        rs.getString("to_address"),
                        rs.getString("rep_name"),
                        rs.getString("rep_address"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getBoolean("bulk"),
                        rs.getString("ics"),
                        rs.getString("ics_method"),
                        rs.getInt("attempts")))
                .list();
        if (!due.isEmpty()) {
            jdbc.sql("update outbox set status = 'SENDING' where id in (:ids) and status = 'PENDING'")
                    .param("ids", due.stream().map(MailComposer.Pending::id).toList())
                    .update();
        }
        return due;
    }

    void sent(MailComposer.Pending email) {
        jdbc.sql(
                        "update outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                .params(Sql.ts(clock.instant()), email.id())
                .update();
    }

    void skip(MailComposer.Pending email, String reason) {
        finish(email, EmailStatus.SKIPPED, reason, 0);
    }

    void fail(MailComposer.Pending email, String reason) {
        finish(email, EmailStatus.FAILED, reason, 1);
    }

    /** Tries again later, waiting twice as long each time, until the attempts run out. */
    void retryLater(MailComposer.Pending email, String reason) {
        int attempts = email.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            fail(email, "Gave up after " + attempts + " attempts: " + reason);
            return;
        }
        var wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        var next = clock.instant().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        jdbc.sql("update outbox set status = 'PENDING', attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                .params(attempts, Sql.ts(next), shorten(reason), email.id())
                .update();
    }

    private void finish(MailComposer.Pending email, EmailStatus status, String reason, int attempt) {
        jdbc.sql("update outbox set status = ?, attempts = attempts + ?, last_error = ? where id = ?")
                .params(status.name(), attempt, shorten(reason), email.id())
                .update();
    }

    private static String shorten(String reason) {
        var text = reason == null ? "unknown error" : reason;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
