package org.followthrough.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A bulk action's turn ends once it has worked its length, and never when the length is zero. */
class BulkSettingsTest {

    private static final Instant START = Instant.parse("2026-12-08T09:00:00Z");

    @Test
    void aTurnIsOverOnceItHasWorkedItsLength() {
        var settings = new BulkSettings(Duration.ofMillis(10), Duration.ofSeconds(2));
        assertThat(settings.turnOver(START, START)).isFalse();
        assertThat(settings.turnOver(START, START.plusMillis(1_999))).isFalse();
        assertThat(settings.turnOver(START, START.plusSeconds(2))).isTrue();
        assertThat(settings.turnOver(START, START.plusSeconds(60))).isTrue();
    }

    @Test
    void aLengthOfZeroNeverEndsATurn() {
        var settings = new BulkSettings(Duration.ofMillis(10), Duration.ZERO);
        assertThat(settings.turnOver(START, START.plusSeconds(3_600))).isFalse();
    }
}
