package org.followthrough.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import org.followthrough.calendar.BestTimes;
import org.junit.jupiter.api.Test;

class ConnectTimesTest {

    @Test
    void withoutCallsTheUsualBestTimesLeadInR4sOrder() {
        var best = new ConnectTimes(List.of()).best(new BestTimes());

        assertThat(best.basedOn()).isEqualTo("R4_PRIORS");
        assertThat(best.windows())
                .extracting(w -> w.weekday() + " " + w.hour())
                .containsExactly("WEDNESDAY 16", "THURSDAY 16", "TUESDAY 16", "WEDNESDAY 11", "THURSDAY 11");
        assertThat(best.windows()).allSatisfy(w -> assertThat(w.rate()).isNull());
    }

    @Test
    void enoughCallsAtAnHourOutweighItsPrior() {
        var best = new ConnectTimes(List.of(
                        new CallHours.Count(DayOfWeek.TUESDAY, 9, 1, 100, 80),
                        new CallHours.Count(DayOfWeek.THURSDAY, 16, 2, 100, 5)))
                .best(new BestTimes());

        assertThat(best.basedOn()).isEqualTo("TEAM_CALLS");
        assertThat(best.calls()).isEqualTo(200);
        var first = best.windows().get(0);
        assertThat(first.weekday()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(first.hour()).isEqualTo(9);
        assertThat(first.rate()).isEqualTo(0.8);
        assertThat(first.estimate()).isGreaterThan(first.prior()).isLessThan(0.8);
        assertThat(best.windows())
                .as("a hundred calls with five connections take 16:00 Thursday off the list")
                .noneMatch(w -> w.weekday() == DayOfWeek.THURSDAY && w.hour() == 16);
    }

    @Test
    void theHeatMapAddsEveryAttemptAtTheSameLocalHourIntoOneCell() {
        var heat = new ConnectTimes(List.of(
                        new CallHours.Count(DayOfWeek.THURSDAY, 11, 1, 3, 1),
                        new CallHours.Count(DayOfWeek.THURSDAY, 11, 0, 1, 1)))
                .heatMap();

        assertThat(heat).singleElement().satisfies(cell -> {
            assertThat(cell.weekday()).isEqualTo(DayOfWeek.THURSDAY);
            assertThat(cell.hour()).isEqualTo(11);
            assertThat(cell.calls()).isEqualTo(4);
            assertThat(cell.rate()).isEqualTo(0.5);
        });
    }
}
