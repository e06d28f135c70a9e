package org.followthrough.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends what is due. Delivery rounds are a single recurring scheduler task, so normally one runs at
 * a time across all instances; but an instance that stalls (a long GC pause, a rolling deploy) can
 * be taken for dead while its round goes on. So each round sends only the emails it claimed under
 * its own token, and stops sending a batch once half of the claim's lease has passed; a claim older
 * than the lease was left by a sender that died, and its emails go out again with the same
 * Message-ID. Each email is marked SENT right after the server accepted it, which keeps the window
 * in which a crash can send one twice to that one email.
 */
@Component
class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    private static final Duration ROUND = Duration.ofSeconds(25);

    private final ObjectProvider<JavaMailSender> mailers;
    private final OutboxClaims claims;
    private final MailComposer composer;
    private final List<SendPermission> permissions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final MailSettings settings;
    private boolean warnedUnconfigured;

    Delivery(
            ObjectProvider<JavaMailSender> mailers,
            OutboxClaims claims,
            MailComposer composer,
            List<SendPermission> permissions,
            Clock clock,
            MeterRegistry meters,
            MailSettings settings) {
        this.mailers = mailers;
        this.claims = claims;
        this.composer = composer;
        this.permissions = permissions;
        this.clock = clock;
        this.meters = meters;
        this.settings = settings;
    }

    /** Sends due email until none is due or the round has run long enough; returns how many were sent. */
    synchronized int deliverDue() {
        var mailer = mailers.getIfAvailable();
        if (!(mailer instanceof JavaMailSenderImpl smtp)) {
            warnOnce();
            return 0;
        }
        int resent = claims.releaseAbandoned();
        if (resent > 0) {
            log.warn(
                    "{} email(s) were being sent when a sender stopped; sending them again with the same Message-ID",
                    resent);
            meters.counter("followthrough.mail.resent").increment(resent);
        }
        int sent = 0;
        var until = clock.instant().plus(ROUND);
        OutboxClaims.Batch batch;
        while (clock.instant().isBefore(until) && !(batch = claims.claimDue()).emails().isEmpty()) {
            sent += send(smtp, batch);
        }
        return sent;
    }

    private int send(JavaMailSenderImpl smtp, OutboxClaims.Batch batch) {
        int sent = 0;
        try (Transport transport = connect(smtp)) {
            for (var email : batch.emails()) {
                if (!batch.freshAt(clock.instant(), settings.claimLease())) {
                    log.warn("A batch took longer than half its claim's lease; putting {} email(s) back",
                            claims.release(batch, null));
                    break;
                }
                if (deliver(smtp, transport, batch, email)) {
                    sent++;
                }
            }
        } catch (MessagingException unreachable) {
            log.warn("SMTP server {}:{} not reachable: {}", smtp.getHost(), smtp.getPort(), unreachable.getMessage());
            batch.emails()
                    .forEach(email -> claims.retryLater(
                            batch, email, "SMTP server not reachable: " + unreachable.getMessage()));
        }
        return sent;
    }

    private boolean deliver(
            JavaMailSenderImpl smtp, Transport transport, OutboxClaims.Batch batch, MailComposer.Pending email) {
        var refusal = refusal(email);
        if (refusal.isPresent()) {
            claims.skip(batch, email, refusal.get());
            return false;
        }
        try {
            var message = composer.compose(smtp.getSession(), email, clock.instant());
            transport.sendMessage(message, message.getAllRecipients());
            claims.sent(batch, email);
            meters.counter("followthrough.mail.sent").increment();
            return true;
        } catch (SendFailedException rejected) {
            claims.fail(batch, email, "The mail server refused the recipient: " + rejected.getMessage());
        } catch (MessagingException | RuntimeException failed) {
            claims.retryLater(batch, email, failed.getMessage());
        }
        return false;
    }

    private Optional<String> refusal(MailComposer.Pending email) {
        return permissions.stream()
                .map(p -> p.refusal(email.prospectId(), email.toAddress(), email.bulk()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Transport connect(JavaMailSenderImpl smtp) throws MessagingException {
        var transport = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
        transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
        return transport;
    }

    private void warnOnce() {
        if (!warnedUnconfigured) {
            warnedUnconfigured = true;
            log.info("No SMTP server configured (spring.mail.host): email waits in the outbox until one is");
        }
    }
}
