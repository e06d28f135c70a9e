package org.followthrough.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One delivery round: batches claimed one after the other and sent over one connection to the
 * SMTP server, opened once there is something to send. A temporary refusal (4xx) is tried again
 * later, a permanent one (5xx) fails the email; a server that cannot be reached, or a connection
 * lost midway, ends the round and pauses delivery, with what the round still held put back unsent.
 */
final class DeliveryRound {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRound.class);

    /** What a round needs from its delivery. */
    record Parts(
            OutboxClaims claims,
            MailComposer composer,
            List<SendPermission> permissions,
            Clock clock,
            MailSettings settings,
            SendWindows windows,
            Bounces bounces,
            DeliveryPause pause,
            Runnable countSent) {}

    private final JavaMailSenderImpl smtp;
    private final Parts parts;
    private Transport transport;
    private int sent;

    DeliveryRound(JavaMailSenderImpl smtp, Parts parts) {
        this.smtp = smtp;
        this.parts = parts;
    }

    /** Sends until nothing is due, the server is gone, or {@code until}; returns how many were sent. */
    int run(Instant until) {
        try {
            while (parts.clock().instant().isBefore(until)) {
                var batch = parts.claims().claimDue();
                if (batch.emails().isEmpty() || !connected(batch) || !send(batch)) {
                    break;
                }
            }
            return sent;
        } finally {
            close();
        }
    }

    private boolean connected(OutboxClaims.Batch batch) {
        if (transport != null) {
            return true;
        }
        try {
            transport = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
            transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
            parts.pause().end();
            return true;
        } catch (MessagingException unreachable) {
            transport = null;
            pauseAfter("SMTP server " + server() + " not reachable: " + unreachable.getMessage(), batch);
            return false;
        }
    }

    /** Sends a batch; false when the connection was lost, which ends the round. */
    private boolean send(OutboxClaims.Batch batch) {
        for (var email : batch.emails()) {
            if (!batch.freshAt(parts.clock().instant(), parts.settings().claimLease())) {
                log.warn(
                        "A batch took longer than half its claim's lease; putting {} email(s) back",
                        parts.claims().release(batch, null));
                return true;
            }
            if (!deliver(batch, email)) {
                pauseAfter("Lost the connection to SMTP server " + server(), batch);
                return false;
            }
        }
        return true;
    }

    /** Sends one email; false only when the connection to the server is gone. */
    private boolean deliver(OutboxClaims.Batch batch, MailComposer.Pending email) {
        var claims = parts.claims();
        if (email.expiresAt() != null && !parts.clock().instant().isBefore(email.expiresAt())) {
            claims.expire(batch, email);
            return true;
        }
        var refusal = refusal(email);
        if (refusal.isPresent()) {
            claims.skip(batch, email, refusal.get());
            return true;
        }
        var hold = parts.windows()
                .hold(
                        email.prospectId(),
                        email.bulk(),
                        email.perDay(),
                        parts.clock().instant(),
                        true);
        if (hold.isPresent()) {
            claims.hold(batch, email, hold.get());
            return true;
        }
        try {
            var message = parts.composer()
                    .compose(smtp.getSession(), email, parts.clock().instant());
            transport.sendMessage(message, message.getAllRecipients());
            claims.sent(batch, email);
            parts.countSent().run();
            sent++;
        } catch (SendFailedException refused) {
            if (SmtpReplies.isTemporary(refused)) {
                claims.retryLater(
                        batch, email, "The mail server asked to try again later: " + SmtpReplies.describe(refused));
            } else {
                var said = SmtpReplies.describe(refused);
                claims.fail(batch, email, "The mail server refused the email: " + said);
                if (refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0) {
                    // the server said the address does not exist: a bounce before the email even left
                    parts.bounces().hard(email.toAddress(), SmtpReplies.status(said), said, email.messageId());
                }
            }
        } catch (MessagingException | RuntimeException failed) {
            if (!transport.isConnected()) {
                return false;
            }
            claims.retryLater(batch, email, failed.getMessage());
        }
        return true;
    }

    private Optional<String> refusal(MailComposer.Pending email) {
        return parts.permissions().stream()
                .map(p -> p.refusal(email.prospectId(), email.toAddress(), email.bulk()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** What the round claimed goes back unsent, with no attempt counted, and delivery pauses. */
    private void pauseAfter(String reason, OutboxClaims.Batch batch) {
        var retryFrom = parts.pause().start(parts.clock().instant());
        var why = reason + "; trying again from " + retryFrom;
        parts.claims().release(batch, why);
        parts.claims().noteWaiting(why);
        log.warn("{}; delivery paused", why);
    }

    private String server() {
        return smtp.getHost() + ":" + smtp.getPort();
    }

    private void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException alreadyGone) {
                log.debug("Closing the SMTP connection: {}", alreadyGone.getMessage());
            }
        }
    }
}
