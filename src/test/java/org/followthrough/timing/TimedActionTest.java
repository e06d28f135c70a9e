package org.followthrough.timing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimedActionTest {

    @Test
    void aRevivedOrRetriedActionKeepsThePlannedInstantThatIdentifiesItsRun() {
        var planned = new TimedAction("reminder", "appointment-7", Instant.parse("2026-08-18T12:45:00.123Z"), "a|b");
        var revivedAt = Instant.parse("2026-08-18T12:46:20Z");

        var stored = TimedAction.fromStored(planned.instanceId(), revivedAt, planned.data());

        assertThat(stored).isEqualTo(planned);
    }

    @Test
    void dataWithoutAPlannedInstantFallsBackToTheExecutionTime() {
        var at = Instant.parse("2026-08-18T12:45:00Z");
        var stored = TimedAction.fromStored("probe/run:1", at, "plain payload");
        assertThat(stored.dueAt()).isEqualTo(at);
        assertThat(stored.payload()).isEqualTo("plain payload");
        assertThat(stored.key()).isEqualTo("run:1");
    }
}
