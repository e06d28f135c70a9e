package org.followthrough.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every message read from the replies mailbox, once: the row keyed by Message-ID is written in the
 * same transaction as the announcement, so a message read twice, or by two instances at once, is
 * announced once.
 */
@Component
class InboundEmails {

    /** A message as read from the mailbox. */
    record Inbound(
            String messageId,
            String fromAddress,
            String subject,
            String excerpt,
            List<String> answers,
            boolean automatic,
            Instant receivedAt,
            DeliveryReports.Report report) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Bounces bounces;
    private final Unsubscribes unsubscribes;

    InboundEmails(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            Bounces bounces,
            Unsubscribes unsubscribes) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.bounces = bounces;
        this.unsubscribes = unsubscribes;
    }

    /** True when the message was new and has been handled now. */
    @Transactional
    boolean handle(Inbound m) {
        var prospectId = answeredProspect(m.answers());
        int fresh = jdbc.sql(
                        """
                insert into inbound_emails (message_id, from_address, subject, in_reply_to, prospect_id, auto_reply,
                    received_at, handled_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        m.messageId(),
                        cut(m.fromAddress(), 320),
                        cut(m.subject(), 998),
                        m.answers().isEmpty() ? null : cut(m.answers().get(0), 998),
                        prospectId,
                        m.automatic(),
                        Sql.ts(m.receivedAt()),
                        Sql.ts(clock.instant()))
                .update();
        if (fresh == 0) {
            return false;
        }
        if (m.report() != null) {
            bounces.reported(m.report());
            return true;
        }
        // the mailto: of a List-Unsubscribe header: the subject carries the token, which proves whom
        var token = UnsubscribeLinks.tokenIn(m.subject());
        if (token.isPresent() && unsubscribes.optOut(token.get()).isPresent()) {
            return true;
        }
        if (!m.automatic()) {
            events.publishEvent(new ReplyReceived(
                    m.messageId(), m.fromAddress(), m.subject(), m.excerpt(), prospectId, m.receivedAt()));
        } else {
            var received = m.receivedAt() == null ? clock.instant() : m.receivedAt();
            var returnsOn = ReturnDates.in(
                            (m.subject() == null ? "" : m.subject()) + "\n" + (m.excerpt() == null ? "" : m.excerpt()),
                            received.atZone(java.time.ZoneOffset.UTC).toLocalDate())
                    .orElse(null);
            events.publishEvent(new AutoReplyReceived(m.messageId(), m.fromAddress(), prospectId, returnsOn, received));
        }
        return true;
    }

    /** The prospect one of our emails went to, if the message answers it. */
    private UUID answeredProspect(List<String> messageIds) {
        for (var id : messageIds) {
            var prospect = jdbc.sql("select prospect_id from outbox where message_id = ? and prospect_id is not null")
                    .param(id)
                    .query(UUID.class)
                    .optional();
            if (prospect.isPresent()) {
                return prospect.get();
            }
        }
        return null;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
