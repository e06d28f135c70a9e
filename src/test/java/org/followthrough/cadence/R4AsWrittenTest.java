package org.followthrough.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.followthrough.calendar.BestTimes;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.CallingWindows;
import org.followthrough.calendar.Holidays;
import org.followthrough.calendar.Place;
import org.followthrough.calendar.Slots;
import org.junit.jupiter.api.Test;

/**
 * R4 as PRODUCT.md writes it: "prefer Wednesday and Thursday; prefer 16:00–17:00 local, then
 * 11:00–12:00 (10:00–11:00 also good); avoid Mondays, Friday afternoons and 13:00–15:00". Seed 000:
 * "avoid making sales calls on Mondays and the second half of Fridays"; "the best time ... is between
 * 4:00 PM and 5:00 PM, while the second best ... between 11:00 AM and 12:00 PM". Seed 004: the best
 * days are Wednesday and Thursday.
 */
class R4AsWrittenTest {

    final ZoneId newYork = ZoneId.of("America/New_York");
    final Place place = new Place(newYork, "US");
    final CallCalendar calendar = new CallCalendar(CallingWindows.standard(), new Holidays());
    final Slots slots = new Slots(calendar, new BestTimes());
    final Planner planner = new Planner(calendar, new BestTimes());

    @Test
    void slotsProposedOnAMondayAreWednesdaysAndThursdaysFourOClocksFirstNotTuesdays() {
        var monday = at(2026, 8, 17, 9, 0);
        var proposed = slots.propose(monday, place, 5, at -> true);
        assertThat(proposed)
                .extracting(s -> s.localTime().toString())
                .containsExactly(
                        "2026-08-19T16:00",
                        "2026-08-19T16:30",
                        "2026-08-20T16:00",
                        "2026-08-20T16:30",
                        "2026-08-26T16:00"); // the sooner of two equal slots first, and nothing on a Tuesday
    }

    @Test
    void withFourOClockTakenElevenThenTenComeNext() {
        var monday = at(2026, 8, 17, 9, 0);
        var proposed = slots.propose(monday, place, 4, at -> at.atZone(newYork).getHour() != 16);
        assertThat(proposed)
                .extracting(s -> s.localTime().toString())
                .containsExactly("2026-08-19T11:00", "2026-08-19T11:30", "2026-08-20T11:00", "2026-08-20T11:30");
        var onlyTen = slots.propose(monday, place, 2, at -> at.atZone(newYork).getHour() == 10);
        assertThat(onlyTen)
                .extracting(s -> s.localTime().toString())
                .containsExactly("2026-08-19T10:00", "2026-08-19T10:30");
    }

    @Test
    void noSlotIsOnAMondayOrAFridayAfternoonWhileAMidweekOneIsFree() {
        var friday = at(2026, 8, 21, 9, 0);
        for (var slot : slots.propose(friday, place, 8, at -> true)) {
            var day = slot.localTime().getDayOfWeek();
            assertThat(day).isNotEqualTo(DayOfWeek.MONDAY);
            assertThat(day == DayOfWeek.FRIDAY && slot.localTime().getHour() >= 12)
                    .isFalse();
        }
    }

    @Test
    void aStepLandingOnAMondayTakesTheTuesday() {
        var step = cadence(Delay.businessDays(1, Delay.Anchor.PREVIOUS));
        var friday = at(2026, 8, 21, 16, 30);
        assertThat(planner.next(step, place, friday, 0, friday).orElseThrow().at())
                .isEqualTo(at(2026, 8, 25, 16, 0));
    }

    @Test
    void aStepLandingOnAFridayTakesItsMorning() {
        var step = cadence(Delay.businessDays(1, Delay.Anchor.PREVIOUS));
        var thursdayAfterLunch = at(2026, 8, 20, 13, 0); // Friday's mornings are then closer than a day
        var next = planner.next(step, place, thursdayAfterLunch, 0, thursdayAfterLunch)
                .orElseThrow()
                .at();
        assertThat(next.atZone(newYork).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(next.atZone(newYork).getHour()).isLessThan(12);
    }

    @Test
    void aStepDueOnAFridayAfternoonWaitsPastTheMondayToTheTuesday() {
        var step = cadence(Delay.businessDays(0, Delay.Anchor.PREVIOUS));
        var fridayAfterLunch = at(2026, 8, 21, 13, 0);
        assertThat(planner.next(step, place, fridayAfterLunch, 0, fridayAfterLunch)
                        .orElseThrow()
                        .at())
                .isEqualTo(at(2026, 8, 25, 16, 0));
    }

    @Test
    void aStepCountedInHoursHasNoOtherDayAndStaysOnItsMonday() {
        var step = new Cadence(
                "hours",
                "Hours",
                List.of(new Step(1, Channel.CALL, Delay.hours(2, Delay.Anchor.START), Placing.BEST_WINDOW, "v1")),
                "NURTURE");
        var mondayMorning = at(2026, 8, 24, 8, 30);
        var next = planner.next(step, place, mondayMorning, 0, mondayMorning)
                .orElseThrow()
                .at();
        assertThat(next.atZone(newYork).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void theFirstTimeCallsKeepOffMondays() {
        var plan = planner.preview(BuiltInCadences.firstTimeCalls(), at(2026, 8, 17, 9, 30), place, List.of());
        assertThat(plan.steps().stream()
                        .filter(s -> s.channel() == Channel.CALL)
                        .skip(1)
                        .map(s -> s.at().atZone(newYork).getDayOfWeek()))
                .doesNotContain(DayOfWeek.MONDAY);
    }

    private static Cadence cadence(Delay delay) {
        return new Cadence("r4", "R4", List.of(new Step(1, Channel.CALL, delay, Placing.BEST_WINDOW, "v1")), "NURTURE");
    }

    private Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, newYork).toInstant();
    }
}
