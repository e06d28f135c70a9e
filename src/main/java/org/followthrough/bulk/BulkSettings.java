package org.followthrough.bulk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk actions.
 *
 * @param queueLatency how slowly the queue ({@code GET /api/v1/queue}) may answer, on average since the
 *     last page, before a running bulk action gives way: it ends its turn after that page and goes on at
 *     the scheduler's next poll, so the members working their queue keep their speed (default 10ms; 0:
 *     never give way)
 * @param turnLength how long a running bulk action works before it gives way whatever the queue's speed: it
 *     ends its turn after the page that reaches it and goes on at the scheduler's next poll. A turn runs
 *     inside the transaction that records it ran, and PostgreSQL keeps every row version the pages leave
 *     behind while a transaction that old is open; a bounded turn also holds its two connections only that
 *     long (default 2s; 0: no limit)
 */
@ConfigurationProperties("followthrough.bulk")
record BulkSettings(@DefaultValue("10ms") Duration queueLatency, @DefaultValue("2s") Duration turnLength) {

    /** Whether a turn that started at {@code start} has worked long enough at {@code now} to give way. */
    boolean turnOver(java.time.Instant start, java.time.Instant now) {
        return !turnLength.isZero()
                && !Duration.between(start, now).minus(turnLength).isNegative();
    }
}
