package org.followthrough.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatesTest {

    @Test
    void theMiddleSaleDecidesTheMedianAndTwoMiddlesAreAveraged() {
        var odd = Rates.followUpsToClose(
                List.of(new Summary.Count(1, 1), new Summary.Count(5, 1), new Summary.Count(9, 1)));
        assertThat(odd.median()).isEqualTo(5.0);
        assertThat(odd.average()).isEqualTo(5.0);

        var even = Rates.followUpsToClose(List.of(new Summary.Count(2, 3), new Summary.Count(6, 1)));
        assertThat(even.won()).isEqualTo(4);
        assertThat(even.median()).isEqualTo(2.0);
        assertThat(even.average()).isEqualTo(3.0);

        var pair = Rates.followUpsToClose(List.of(new Summary.Count(4, 1), new Summary.Count(7, 1)));
        assertThat(pair.median()).isEqualTo(5.5);
    }

    @Test
    void noSaleHasNoMedianRatherThanZero() {
        var none = Rates.followUpsToClose(List.of());
        assertThat(none.won()).isZero();
        assertThat(none.median()).isNull();
    }

    @Test
    void reachAddsEachAttemptsHoursTogetherInAttemptOrderLeavingOtherCallsOut() {
        var reach = Rates.reach(List.of(
                new CallHours.Count(DayOfWeek.MONDAY, 10, 10, 4, 1),
                new CallHours.Count(DayOfWeek.MONDAY, 10, 2, 10, 3),
                new CallHours.Count(DayOfWeek.MONDAY, 10, 1, 15, 5),
                new CallHours.Count(DayOfWeek.TUESDAY, 16, 1, 5, 0),
                new CallHours.Count(DayOfWeek.TUESDAY, 16, 0, 50, 40)));
        assertThat(reach).extracting(Summary.Reach::attempt).containsExactly(1, 2, 10);
        assertThat(reach.get(0).calls()).isEqualTo(20);
        assertThat(reach.get(0).rate()).isEqualTo(0.25);
    }
}
