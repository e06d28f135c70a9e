package org.followthrough.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.followthrough.calls.Enrolments;
import org.followthrough.messaging.AutoReplyReceived;
import org.followthrough.messaging.ReplyReceived;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.signals.SignalReceived;
import org.followthrough.signals.SignalType;
import org.followthrough.touches.Touches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A reply from a prospect stops the automatic emails of their cadence (R21), whether it was read
 * from the replies mailbox or reported by a signed {@code EMAIL_REPLY} signal: the reply is recorded
 * as a touch, the cadence's waiting emails are cancelled while its calls go on, and the owner hears
 * of it at once. The touch's id comes from the message, so hearing of one reply twice records it once.
 */
@Component
class Replies {

    private static final Logger log = LoggerFactory.getLogger(Replies.class);

    private final Prospects prospects;
    private final Touches touches;
    private final Enrolments enrolments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Replies(
            Prospects prospects,
            Touches touches,
            Enrolments enrolments,
            ApplicationEventPublisher events,
            Clock clock) {
        this.prospects = prospects;
        this.touches = touches;
        this.enrolments = enrolments;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ReplyReceived reply) {
        var prospect = reply.prospectId() != null
                ? prospects.byId(reply.prospectId())
                : reply.fromAddress() == null
                        ? java.util.Optional.<Prospect>empty()
                        : prospects.byEmail(reply.fromAddress());
        if (prospect.isEmpty()) {
            log.info("Reply {} from {} matches no prospect", reply.messageId(), reply.fromAddress());
            return;
        }
        replied(prospect.get(), "mail:" + reply.messageId(), reply.subject(), reply.excerpt(), reply.receivedAt());
    }

    /**
     * An out-of-office reply that says when its writer is back pauses their running cadence until that
     * day (its calls and emails wait, then go on from where they stopped); one that says no day, or
     * from someone whose cadence is already paused, changes nothing.
     */
    @ApplicationModuleListener
    void on(AutoReplyReceived reply) {
        if (reply.returnsOn() == null) {
            return;
        }
        var prospect = reply.prospectId() != null
                ? prospects.byId(reply.prospectId())
                : reply.fromAddress() == null
                        ? java.util.Optional.<Prospect>empty()
                        : prospects.byEmail(reply.fromAddress());
        if (prospect.isEmpty()
                || enrolments.running(prospect.get().id()).stream().noneMatch(e -> e.isActive())) {
            return;
        }
        var until = reply.returnsOn().atStartOfDay(prospect.get().timeZone()).toInstant();
        if (until.isAfter(clock.instant())) {
            enrolments.pause(prospect.get().id(), "out of office until " + reply.returnsOn(), until);
        }
    }

    /** An EMAIL_REPLY webhook, as {@link Inquiries} hands it on (one stored listener for every signal). */
    void react(SignalReceived received) {
        var signal = received.signal();
        if (signal.type() != SignalType.EMAIL_REPLY || signal.email() == null) {
            return;
        }
        prospects
                .byEmail(signal.email())
                .ifPresent(p -> replied(p, "signal:" + signal.id(), null, signal.message(), signal.occurredAt()));
    }

    private void replied(Prospect p, String source, String subject, String excerpt, Instant at) {
        var now = clock.instant();
        var when = at == null ? now : at;
        var summary = summary(subject, excerpt);
        if (!touches.insertEmailReceived(
                UUID.nameUUIDFromBytes(source.getBytes(StandardCharsets.UTF_8)), p.id(), summary, when, now)) {
            return;
        }
        enrolments.stopEmails(p.id(), "the prospect replied by email");
        events.publishEvent(new ProspectReplied(p.id(), p.ownerId(), p.fullName(), subject, excerpt, when));
    }

    private static String summary(String subject, String excerpt) {
        var text = (subject == null || subject.isBlank() ? "Reply" : "Reply: " + subject.strip())
                + (excerpt == null || excerpt.isBlank() ? "" : "\n" + excerpt.strip());
        return text.length() > 4000 ? text.substring(0, 3997) + "..." : text;
    }
}
