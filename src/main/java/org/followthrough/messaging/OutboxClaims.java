package org.followthrough.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.followthrough.common.Databases;
import org.followthrough.common.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox rows' life during delivery: claimed by one round under its own token, then sent,
 * skipped, failed or retried later — each only under that claim, so a round that stalled past its
 * lease and lost its rows to another round cannot overwrite what the other did. Claiming is one
 * UPDATE of the due rows still PENDING (on PostgreSQL skipping rows another round is claiming), then
 * one SELECT of what this token got: two round trips per batch, whatever its size.
 */
@Component
class OutboxClaims {

    private static final Logger log = LoggerFactory.getLogger(OutboxClaims.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);
    private static final String PENDING = EmailStatus.PENDING.name();
    private static final String SENDING = EmailStatus.SENDING.name();
    private static final String SENT = EmailStatus.SENT.name();

    /** A round's claim on a batch: its token, when it was made, and the emails it got. */
    record Batch(String token, Instant claimedAt, List<MailComposer.Pending> emails) {

        /** Whether the claim is young enough to send under: half the lease, so it ends well before another round may take it. */
        boolean freshAt(Instant now, Duration lease) {
            return now.isBefore(claimedAt.plus(lease.dividedBy(2)));
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailSettings settings;
    private final String skipLocked;
    private final ApplicationEventPublisher events;

    OutboxClaims(
            JdbcClient jdbc,
            Clock clock,
            MailSettings settings,
            DataSource dataSource,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.events = events;
        this.skipLocked = Databases.isPostgres(dataSource) ? " for update skip locked" : "";
    }

    /** Puts back what a round claimed longer ago than the lease (it died or stalled); returns how many. */
    int releaseAbandoned() {
        return jdbc.sql("update outbox set status = ?, claimed_by = null, claimed_at = null"
                        + " where status = ? and (claimed_at is null or claimed_at < ?)")
                .params(PENDING, SENDING, Sql.ts(clock.instant().minus(settings.claimLease())))
                .update();
    }

    /** Claims up to a batch of due emails for this round; only rows still PENDING are taken. */
    Batch claimDue() {
        var token = UUID.randomUUID().toString();
        var now = clock.instant();
        jdbc.sql("update outbox set status = :sending, claimed_by = :token, claimed_at = :now"
                        + " where status = :pending and id in (select id from outbox where status = :pending"
                        + " and next_attempt_at <= :now order by next_attempt_at, id limit :size" + skipLocked + ")")
                .param("sending", SENDING)
                .param("pending", PENDING)
                .param("token", token)
                .param("now", Sql.ts(now))
                .param("size", settings.batchSize())
                .update();
        var emails = jdbc.sql(
                        """
                select id, message_id, dedupe_key, prospect_id, to_name, to_address, rep_name, rep_address, subject,
                       body, bulk, ics, ics_method, attempts, expires_at, per_day
                from outbox where claimed_by = ? and status = ?
                order by next_attempt_at, id""")
                .params(token, SENDING)
                .query((rs, n) -> new MailComposer.Pending(
                        Sql.uuid(rs, "id"),
                        rs.getString("message_id"),
                        rs.getString("dedupe_key"),
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
                        rs.getInt("attempts"),
                        Sql.instant(rs, "expires_at"),
                        (Integer) rs.getObject("per_day", Integer.class)))
                .list();
        return new Batch(token, now, emails);
    }

    void sent(Batch batch, MailComposer.Pending email) {
        int marked = jdbc.sql("update outbox set status = ?, sent_at = ?, attempts = attempts + 1, last_error = null"
                        + " where id = ? and claimed_by = ? and status = ?")
                .params(SENT, Sql.ts(clock.instant()), email.id(), batch.token(), SENDING)
                .update();
        if (marked == 0) {
            log.warn("Email {} was sent after its claim had run out; another round may send it too", email.id());
        }
    }

    /** Not sent, because a module refused it at send time; what it carried counts as not sent. */
    void skip(Batch batch, MailComposer.Pending email, String reason) {
        finish(batch, email, EmailStatus.SKIPPED, reason, 0);
        events.publishEvent(new EmailsWithdrawn(email.prospectId(), List.of(email.dedupeKey())));
    }

    /** Not sent, because it would arrive after it stopped being worth sending. */
    void expire(Batch batch, MailComposer.Pending email) {
        finish(batch, email, EmailStatus.EXPIRED, "Not sent: it was worth sending until " + email.expiresAt(), 0);
        events.publishEvent(new EmailsWithdrawn(email.prospectId(), List.of(email.dedupeKey())));
    }

    void fail(Batch batch, MailComposer.Pending email, String reason) {
        finish(batch, email, EmailStatus.FAILED, reason, 1);
    }

    /**
     * Puts an email back unsent until the moment it may go (the prospect's business hours, the daily
     * caps), with why; no attempt counted. It stays worth sending as long after that moment.
     */
    void hold(Batch batch, MailComposer.Pending email, SendWindows.Hold hold) {
        var expires = email.expiresAt();
        var later = hold.notBefore().plus(settings.expireAfter());
        jdbc.sql("update outbox set status = ?, next_attempt_at = ?, not_before = ?, hold_reason = ?,"
                        + " expires_at = ?, claimed_by = null, claimed_at = null"
                        + " where id = ? and claimed_by = ? and status = ?")
                .params(
                        PENDING,
                        Sql.ts(hold.notBefore()),
                        Sql.ts(hold.notBefore()),
                        shorten(hold.reason()),
                        expires == null || later.isAfter(expires) ? Sql.ts(later) : Sql.ts(expires),
                        email.id(),
                        batch.token(),
                        SENDING)
                .update();
    }

    /** Tries again later, waiting twice as long each time, until the attempts run out. */
    void retryLater(Batch batch, MailComposer.Pending email, String reason) {
        int attempts = email.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            fail(batch, email, "Gave up after " + attempts + " attempts: " + reason);
            return;
        }
        var wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        var next = clock.instant().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        jdbc.sql("update outbox set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,"
                        + " claimed_by = null, claimed_at = null where id = ? and claimed_by = ? and status = ?")
                .params(PENDING, attempts, Sql.ts(next), shorten(reason), email.id(), batch.token(), SENDING)
                .update();
    }

    /** Puts back what is left of a batch, unsent and without counting an attempt. */
    int release(Batch batch, String reason) {
        return jdbc.sql("update outbox set status = ?, claimed_by = null, claimed_at = null,"
                        + " last_error = coalesce(?, last_error) where claimed_by = ? and status = ?")
                .params(PENDING, reason == null ? null : shorten(reason), batch.token(), SENDING)
                .update();
    }

    /** Notes on the emails due now why they wait (the SMTP server is down), without counting an attempt. */
    void noteWaiting(String reason) {
        jdbc.sql("update outbox set last_error = ? where status = ? and next_attempt_at <= ?")
                .params(shorten(reason), PENDING, Sql.ts(clock.instant()))
                .update();
    }

    private void finish(Batch batch, MailComposer.Pending email, EmailStatus status, String reason, int attempt) {
        jdbc.sql("update outbox set status = ?, attempts = attempts + ?, last_error = ?"
                        + " where id = ? and claimed_by = ? and status = ?")
                .params(status.name(), attempt, shorten(reason), email.id(), batch.token(), SENDING)
                .update();
    }

    private static String shorten(String reason) {
        var text = reason == null ? "unknown error" : reason;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
