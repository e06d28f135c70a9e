package org.followthrough.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A bulk action gives way when the queue's answers since the last look were slow on average, and only then. */
class QueueWatchTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final QueueWatch watch = new QueueWatch(meters);

    private void answered(String uri, String status, long millis) {
        Timer.builder("http.server.requests")
                .tag("uri", uri)
                .tag("status", status)
                .register(meters)
                .record(Duration.ofMillis(millis));
    }

    @Test
    void theMeanOfTheQueuesAnswersSinceTheLastLookDecides() {
        var limit = Duration.ofMillis(10);
        assertThat(watch.slowerThan(limit)).as("no answer yet").isFalse();

        answered("/api/v1/queue", "200", 30);
        answered("/api/v1/queue", "200", 4);
        answered("/api/v1/prospects", "200", 500);
        assertThat(watch.slowerThan(limit))
                .as("17 ms on average, other paths left out")
                .isTrue();

        assertThat(watch.slowerThan(limit)).as("no answer since the last look").isFalse();

        answered("/api/v1/queue", "200", 6);
        answered("/api/v1/queue", "401", 8);
        assertThat(watch.slowerThan(limit))
                .as("7 ms on average since the last look, the slow answers before it counted once")
                .isFalse();

        answered("/api/v1/queue", "200", 40);
        assertThat(watch.slowerThan(Duration.ZERO)).as("0: never give way").isFalse();
    }
}
