package org.followthrough.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BestTimesTest {

    final BestTimes bestTimes = new BestTimes();

    @Test
    void thursdayAtFourBeatsMondayAtFourAndFridayAfternoonAndLunchtime() {
        var thursday4pm = bestTimes.value(LocalDateTime.of(2026, 8, 20, 16, 0));
        assertThat(thursday4pm).isGreaterThan(bestTimes.value(LocalDateTime.of(2026, 8, 17, 16, 0)));
        assertThat(thursday4pm).isGreaterThan(bestTimes.value(LocalDateTime.of(2026, 8, 21, 16, 0)));
        assertThat(bestTimes.value(LocalDateTime.of(2026, 8, 19, 11, 0)))
                .isGreaterThan(bestTimes.value(LocalDateTime.of(2026, 8, 19, 13, 0)));
        assertThat(bestTimes.score(LocalDateTime.of(2026, 8, 20, 16, 0)).reason())
                .contains("Thursday", "best");
    }

    @Property(tries = 300)
    void theScoreAloneIsTheScoreWithItsReason(@ForAll("moments") LocalDateTime local) {
        assertThat(bestTimes.value(local)).isEqualTo(bestTimes.score(local).value());
    }

    @Provide
    Arbitrary<LocalDateTime> moments() {
        return Arbitraries.longs().between(0, 3 * 365 * 24).map(h -> LocalDateTime.of(2026, 1, 1, 0, 0)
                .plusHours(h));
    }
}
