package org.followthrough.bulk;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * How fast the queue answers while a bulk action runs, read from the server's own timing of its
 * requests ({@code http.server.requests} for {@code GET /api/v1/queue}): the mean time of the answers
 * given since the last look. No answer since then is no sign of a slow queue.
 */
@Component
class QueueWatch {

    private final MeterRegistry meters;
    private long answers;
    private double millis;

    QueueWatch(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Whether the queue's answers since the last look took longer than {@code limit} on average (zero: never). */
    synchronized boolean slowerThan(Duration limit) {
        long count = 0;
        double total = 0;
        for (var timer :
                meters.find("http.server.requests").tag("uri", "/api/v1/queue").timers()) {
            count += timer.count();
            total += timer.totalTime(TimeUnit.MILLISECONDS);
        }
        boolean slower = !limit.isZero() && count > answers && (total - millis) / (count - answers) > limit.toMillis();
        answers = count;
        millis = total;
        return slower;
    }
}
