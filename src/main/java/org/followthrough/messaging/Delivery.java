package org.followthrough.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * in which a crash can send one twice to that one email. While the SMTP server is unreachable,
 * delivery pauses ({@link DeliveryPause}) rather than spend the emails' attempts.
 */
@Component
class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    private static final Duration ROUND = Duration.ofSeconds(25);

    private final ObjectProvider<JavaMailSender> mailers;
    private final OutboxClaims claims;
    private final Clock clock;
    private final MeterRegistry meters;
    private final DeliveryRound.Parts parts;
    private final DeliveryPause pause = new DeliveryPause();
    private boolean warnedUnconfigured;

    Delivery(
            ObjectProvider<JavaMailSender> mailers,
            OutboxClaims claims,
            MailComposer composer,
            List<SendPermission> permissions,
            Clock clock,
            MeterRegistry meters,
            MailSettings settings,
            SendWindows windows,
            Bounces bounces) {
        this.mailers = mailers;
        this.claims = claims;
        this.clock = clock;
        this.meters = meters;
        this.parts = new DeliveryRound.Parts(
                claims, composer, permissions, clock, settings, windows, bounces, pause, () -> meters.counter(
                                "followthrough.mail.sent")
                        .increment());
    }

    /** Sends due email until none is due or the round has run long enough; returns how many were sent. */
    synchronized int deliverDue() {
        var mailer = mailers.getIfAvailable();
        if (!(mailer instanceof JavaMailSenderImpl smtp)) {
            warnOnce();
            return 0;
        }
        if (pause.holds(clock.instant())) {
            return 0;
        }
        int resent = claims.releaseAbandoned();
        if (resent > 0) {
            log.warn(
                    "{} email(s) were being sent when a sender stopped; sending them again with the same Message-ID",
                    resent);
            meters.counter("followthrough.mail.resent").increment(resent);
        }
        return new DeliveryRound(smtp, parts).run(clock.instant().plus(ROUND));
    }

    private void warnOnce() {
        if (!warnedUnconfigured) {
            warnedUnconfigured = true;
            log.info("No SMTP server configured (spring.mail.host): email waits in the outbox until one is");
        }
    }
}
