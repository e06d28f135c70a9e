package org.followthrough.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
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

    @Property(tries = 300)
    void tooFewCallsLeaveR4sScoresAsTheyAre(@ForAll("moments") LocalDateTime local) {
        var calls = new long[7][24];
        var connected = new long[7][24];
        calls[local.getDayOfWeek().ordinal()][local.getHour()] = BestTimes.ENOUGH_CALLS - 1;
        var learned = new BestTimes();
        learned.learn(calls, connected);

        assertThat(learned.learnedFromTheTeam()).isFalse();
        assertThat(learned.value(local)).isEqualTo(bestTimes.value(local));
        assertThat(learned.windowStarts()).isEqualTo(bestTimes.windowStarts());
    }

    @Property(tries = 300)
    void withCallsEverywhereInR4sOwnProportionsTheHoursRankAsR4Ranks(@ForAll("moments") LocalDateTime local) {
        var calls = new long[7][24];
        var connected = new long[7][24];
        var hours = BestTimes.hours(new long[7][24], new long[7][24]);
        for (var h : hours) {
            calls[h.weekday().ordinal()][h.hour()] = 1_000_000;
            connected[h.weekday().ordinal()][h.hour()] = Math.round(h.prior() / BestTimes.ASSUMED_RATE * 200_000);
        }
        var learned = new BestTimes();
        learned.learn(calls, connected);

        var wednesdayFour = LocalDateTime.of(2026, 8, 19, 16, 0);
        assertThat(learned.learnedFromTheTeam()).isTrue();
        assertThat(learned.value(local) - learned.value(wednesdayFour))
                .as("rates in R4's proportions rank every hour as R4 does, whatever the team's average")
                .isEqualTo(bestTimes.value(local) - bestTimes.value(wednesdayFour));
    }

    @Test
    void anHourWhereTheTeamConnectsOftenOutranksR4sBestOnceThereAreEnoughCalls() {
        var calls = new long[7][24];
        var connected = new long[7][24];
        for (var day : List.of(DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            for (int hour : new int[] {10, 11, 16}) {
                calls[day.ordinal()][hour] = 50;
                connected[day.ordinal()][hour] = 2;
            }
        }
        calls[DayOfWeek.TUESDAY.ordinal()][9] = 100;
        connected[DayOfWeek.TUESDAY.ordinal()][9] = 60;
        var learned = new BestTimes();
        learned.learn(calls, connected);

        var tuesdayNine = LocalDateTime.of(2026, 8, 18, 9, 0);
        var wednesdayFour = LocalDateTime.of(2026, 8, 19, 16, 0);
        assertThat(learned.learnedFromTheTeam()).isTrue();
        assertThat(learned.value(tuesdayNine)).isGreaterThan(learned.value(wednesdayFour));
        assertThat(learned.windowStarts()).first().isEqualTo(LocalTime.of(9, 0));
        assertThat(learned.windowStarts()).hasSize(6);
        assertThat(learned.score(tuesdayNine).reason())
                .as("says what it used")
                .contains("Tuesday 09:00", "the team's 100 calls here, 60 connected");
        assertThat(bestTimes.value(wednesdayFour))
                .as("a fresh instance still knows only R4")
                .isEqualTo(7);

        learned.forget();
        assertThat(learned.value(tuesdayNine)).isEqualTo(bestTimes.value(tuesdayNine));
    }

    @Provide
    Arbitrary<LocalDateTime> moments() {
        return Arbitraries.longs().between(0, 3 * 365 * 24).map(h -> LocalDateTime.of(2026, 1, 1, 0, 0)
                .plusHours(h));
    }
}
