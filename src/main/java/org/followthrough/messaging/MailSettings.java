package org.followthrough.messaging;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How email leaves this installation. The SMTP server itself is Spring's standard
 * {@code spring.mail.*}; without {@code spring.mail.host} email waits in the outbox.
 *
 * @param from the envelope and From address (a one-to-one email shows the rep's name with it and
 *     replies go to the rep)
 * @param publicUrl the address prospects reach this installation at, for unsubscribe links
 * @param batchSize how many due emails one delivery round claims at a time
 * @param maxAttempts attempts before an email is given up as FAILED
 * @param trackLinks whether outside links in sent email go through a signed click-tracking address,
 *     so a click becomes an EMAIL_CLICK signal (default true)
 * @param trackOpens whether an email to a prospect also carries an HTML version with a signed one-pixel
 *     image, so opening it becomes an EMAIL_OPEN signal (default true)
 * @param claimLease how long a delivery round's claim on a batch holds (default 2 minutes): a round
 *     sends under its claim only for half of it, and only an older claim (a sender that died) is
 *     given to another round
 * @param expireAfter how long after it was due an email that names no expiry of its own is still
 *     sent (default 12 hours)
 */
@ConfigurationProperties("followthrough.mail")
public record MailSettings(
        String from,
        URI publicUrl,
        Integer batchSize,
        Integer maxAttempts,
        Boolean trackLinks,
        Boolean trackOpens,
        java.time.Duration claimLease,
        java.time.Duration expireAfter) {

    public MailSettings {
        from = from == null ? "followthrough@localhost" : from;
        publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
        batchSize = batchSize == null ? 100 : batchSize;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        trackLinks = trackLinks == null || trackLinks;
        trackOpens = trackOpens == null || trackOpens;
        claimLease = claimLease == null ? java.time.Duration.ofMinutes(2) : claimLease;
        expireAfter = expireAfter == null ? java.time.Duration.ofHours(12) : expireAfter;
    }

    String messageIdDomain() {
        return from.substring(from.indexOf('@') + 1);
    }
}
