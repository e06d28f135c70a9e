package org.followthrough.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email that did not arrive. A hard bounce (a delivery status notification with status 5.x.x read
 * from the replies mailbox, or a 5xx refusal when sending) marks the address undeliverable: what
 * waits for it is cancelled, nothing more is sent to it (asked at send time), and {@link
 * EmailBounced} tells the other modules, which stop the prospect's email steps and tell the owner. A
 * soft bounce (4.x.x) sends the email again on a schedule: 30 minutes, then twice as long each time,
 * until the attempts run out.
 */
@Service
public class Bounces implements SendPermission {

    private static final Logger log = LoggerFactory.getLogger(Bounces.class);
    private static final Duration FIRST_RESEND = Duration.ofMinutes(30);
    private static final String PENDING = EmailStatus.PENDING.name();
    private static final String SENT = EmailStatus.SENT.name();
    private static final String FAILED = EmailStatus.FAILED.name();

    /** An address that bounced for good: when, with which status and what the server said. */
    public record Undeliverable(String address, String status, String diagnostic, Instant at) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailSettings settings;
    private final ApplicationEventPublisher events;
    private final Outbox outbox;

    Bounces(JdbcClient jdbc, Clock clock, MailSettings settings, ApplicationEventPublisher events, Outbox outbox) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.events = events;
        this.outbox = outbox;
    }

    /** Whether (and since when, why) an address bounced for good. */
    public Optional<Undeliverable> undeliverable(String address) {
        if (address == null) {
            return Optional.empty();
        }
        return jdbc.sql("select address, status, diagnostic, bounced_at from undeliverable_addresses where address = ?")
                .param(address.toLowerCase(Locale.ROOT))
                .query((rs, n) -> new Undeliverable(
                        rs.getString("address"),
                        rs.getString("status"),
                        rs.getString("diagnostic"),
                        Sql.instant(rs, "bounced_at")))
                .optional();
    }

    /** Sends to the address again (it was corrected on the other side, or the bounce was a mistake). */
    @Transactional
    public boolean clear(String address) {
        return jdbc.sql("delete from undeliverable_addresses where address = ?")
                        .param(address.toLowerCase(Locale.ROOT))
                        .update()
                > 0;
    }

    @Override
    public Optional<String> refusal(UUID prospectId, String address, boolean bulk) {
        return undeliverable(address)
                .map(u -> "the address bounced on " + u.at() + " (" + u.status() + "): not sent to it any more");
    }

    /** A report read from the replies mailbox: each recipient's hard or soft bounce is acted on. */
    @Transactional
    void reported(DeliveryReports.Report report) {
        for (var r : report.recipients()) {
            if (r.hard()) {
                hard(r.address(), r.status(), r.diagnostic(), report.originalMessageId());
            } else if (r.soft()) {
                soft(r.address(), r.action(), r.status(), r.diagnostic(), report.originalMessageId());
            }
        }
    }

    /** The address does not take mail: marked undeliverable, what waits for it withdrawn, the owner told. */
    @Transactional
    void hard(String address, String status, String diagnostic, String messageId) {
        var to = address.toLowerCase(Locale.ROOT);
        var now = clock.instant();
        var email = about(to, messageId);
        var prospectId = email.map(OutboxEntry::prospectId).orElse(null);
        int fresh = jdbc.sql(
                        """
                insert into undeliverable_addresses (address, prospect_id, status, diagnostic, message_id, bounced_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(to, prospectId, status, shorten(diagnostic), messageId, Sql.ts(now))
                .update();
        email.ifPresent(e -> jdbc.sql("update outbox set status = :failed, last_error = :error where id = :id"
                        + " and status in (:notFailed)")
                .param("failed", FAILED)
                .param(
                        "error",
                        shorten("Bounced (" + status + "): "
                                + (diagnostic == null ? "the address does not exist" : diagnostic)))
                .param("id", e.id())
                .param("notFailed", List.of(SENT, EmailStatus.SENDING.name(), PENDING))
                .update());
        var waiting = jdbc.sql("select distinct prospect_id from outbox where lower(to_address) = ?"
                        + " and status = ? and prospect_id is not null")
                .params(to, PENDING)
                .query(UUID.class)
                .list();
        for (var p : waiting) {
            outbox.cancelPendingFor(p);
        }
        if (fresh > 0) {
            log.info("Email to {} bounced ({}); nothing more is sent to it", to, status);
            events.publishEvent(new EmailBounced(prospectId, to, true, status, diagnostic, now));
        }
    }

    /** A temporary failure: the email goes again later, waiting longer each time, until the attempts run out. */
    @Transactional
    void soft(String address, String action, String status, String diagnostic, String messageId) {
        var email = about(address.toLowerCase(Locale.ROOT), messageId);
        if (email.isEmpty() || email.get().status() != EmailStatus.SENT) {
            return;
        }
        var e = email.get();
        var said = "(" + status + ")" + (diagnostic == null ? "" : ": " + diagnostic);
        if ("delayed".equals(action)) {
            jdbc.sql("update outbox set last_error = ? where id = ?")
                    .params(shorten("Delayed on the way, the receiving side still tries " + said), e.id())
                    .update();
            return;
        }
        if (e.attempts() >= settings.maxAttempts()) {
            jdbc.sql("update outbox set status = ?, last_error = ? where id = ? and status = ?")
                    .params(FAILED, shorten("Bounced " + e.attempts() + " times, last " + said), e.id(), SENT)
                    .update();
            return;
        }
        var wait = FIRST_RESEND.multipliedBy(1L << Math.min(Math.max(e.attempts() - 1, 0), 8));
        var next = clock.instant().plus(wait);
        jdbc.sql("update outbox set status = ?, next_attempt_at = ?, last_error = ?, sent_at = null"
                        + " where id = ? and status = ?")
                .params(
                        PENDING,
                        Sql.ts(next),
                        shorten("Bounced for now " + said + "; sending again at " + next),
                        e.id(),
                        SENT)
                .update();
        events.publishEvent(new EmailBounced(e.prospectId(), address, false, status, diagnostic, clock.instant()));
    }

    /** The email a bounce is about: by its Message-ID, or else the latest one sent to the address. */
    private Optional<OutboxEntry> about(String address, String messageId) {
        if (messageId != null) {
            var byId = jdbc.sql(OutboxRows.SELECT + " where message_id = ?")
                    .param(messageId)
                    .query(OutboxRows::entry)
                    .optional();
            if (byId.isPresent()) {
                return byId;
            }
        }
        List<OutboxEntry> latest = jdbc.sql(
                        OutboxRows.SELECT + " where lower(to_address) = ? and status = ? order by sent_at desc limit 1")
                .params(address, SENT)
                .query(OutboxRows::entry)
                .list();
        return latest.stream().findFirst();
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
