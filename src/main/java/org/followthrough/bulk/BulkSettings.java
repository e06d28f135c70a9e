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
 */
@ConfigurationProperties("followthrough.bulk")
record BulkSettings(@DefaultValue("10ms") Duration queueLatency) {}
