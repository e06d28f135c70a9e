package org.followthrough.bulk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk actions.
 *
 * @param pauseBetweenPages how long a running bulk action waits after each page of its prospects, so
 *     the members working beside it (the queue, the call screen) keep their speed (default 20ms; 0: none)
 */
@ConfigurationProperties("followthrough.bulk")
record BulkSettings(@DefaultValue("20ms") Duration pauseBetweenPages) {}
