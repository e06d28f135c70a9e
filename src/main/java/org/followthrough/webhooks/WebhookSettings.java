package org.followthrough.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How events are posted to subscribers.
 *
 * @param firstRetry wait after the first failed attempt; each further failure doubles it (default 30 s)
 * @param longestWait the longest wait between two attempts (default 6 hours)
 * @param maxAttempts attempts before a delivery is given up as FAILED (default 10; an administrator
 *     can replay it)
 * @param timeout how long one attempt may take (default 10 s)
 * @param batchSize how many due deliveries one round takes (default 50)
 * @param allowPrivateAddresses whether a subscriber may be on FollowThrough's own machine or private
 *     network (default false)
 */
@ConfigurationProperties("followthrough.webhooks")
record WebhookSettings(
        Duration firstRetry,
        Duration longestWait,
        Integer maxAttempts,
        Duration timeout,
        Integer batchSize,
        Boolean allowPrivateAddresses) {

    WebhookSettings {
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        longestWait = longestWait == null ? Duration.ofHours(6) : longestWait;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        batchSize = batchSize == null ? 50 : batchSize;
        allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
    }

    /** The wait before attempt {@code n + 1}, after {@code n} failed ones. */
    Duration backOff(int failedAttempts) {
        var factor = 1L << Math.min(failedAttempts - 1, 20);
        var wait = firstRetry.multipliedBy(factor);
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }
}
