package org.followthrough.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import org.followthrough.calendar.BestTimes;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.CallCalendarTest;
import org.followthrough.calendar.CallingWindows;
import org.followthrough.calendar.Holidays;
import org.followthrough.calendar.Place;
import org.junit.jupiter.api.Test;

class PlannerTest {

    final CallCalendar calendar = new CallCalendar(CallingWindows.standard(), new Holidays());
    final Planner planner = new Planner(calendar, new BestTimes());
    final Place newYork = new Place(ZoneId.of("America/New_York"), "US");

    @Test
    void aMissedAppointmentIsRetriedTenMinutesLaterThenAboutFourHoursLaterThenEveryThreeBusinessDays() {
        var appointment = at(2026, 8, 18, 10, 0); // a Tuesday
        var plan = planner.preview(BuiltInCadences.missedAppointment(), appointment, newYork, List.of());

        var calls =
                plan.steps().stream().filter(s -> s.channel() == Channel.CALL).toList();
        assertThat(plan.steps().get(0).channel()).isEqualTo(Channel.VOICEMAIL);
        assertThat(plan.steps().get(0).template()).isEqualTo("missed-appointment-m1");
        assertThat(calls).hasSize(6);
        assertThat(calls.get(0).at()).isEqualTo(at(2026, 8, 18, 10, 10));
        assertThat(calls.get(1).at()).isEqualTo(at(2026, 8, 18, 14, 0));
        var days = calls.stream()
                .skip(2)
                .map(s -> s.at().atZone(newYork.zone()).toLocalDate())
                .toList();
        // three business days apart, placed in a best window of that day or the next
        assertThat(days.get(0)).isBetween(java.time.LocalDate.of(2026, 8, 21), java.time.LocalDate.of(2026, 8, 24));
        for (int i = 1; i < days.size(); i++) {
            assertThat(calendar.plusBusinessDays(days.get(i - 1), 3, newYork)).isBeforeOrEqualTo(days.get(i));
        }
        assertThat(plan.end().stage()).isEqualTo("NURTURE");
    }

    @Test
    void aLateAfternoonAppointmentRetriesAfterFourHoursInTheLegalWindowTheNextBusinessDay() {
        var friday = at(2026, 8, 21, 18, 0);
        var plan = planner.preview(BuiltInCadences.missedAppointment(), friday, newYork, List.of());
        var second = plan.steps().stream().filter(s -> s.n() == 3).findFirst().orElseThrow();
        assertThat(second.at()).isEqualTo(at(2026, 8, 24, 8, 0));
    }

    @Test
    void firstTimeCallsAreSixCallsOverAboutTwoWeeksEachWithAnEmailThenNurture() {
        var start = at(2026, 8, 17, 9, 30);
        var plan = planner.preview(BuiltInCadences.firstTimeCalls(), start, newYork, List.of());
        var calls =
                plan.steps().stream().filter(s -> s.channel() == Channel.CALL).toList();
        var emails =
                plan.steps().stream().filter(s -> s.channel() == Channel.EMAIL).toList();
        assertThat(calls).hasSize(6);
        assertThat(emails).hasSize(6);
        assertThat(calls.get(0).at()).isEqualTo(start);
        assertThat(calls.stream().map(PlannedStep::template).distinct()).hasSize(6);
        assertThat(java.time.Duration.between(start, calls.get(5).at()).toDays())
                .isBetween(12L, 17L);
        assertThat(plan.end().stage()).isEqualTo("NURTURE");
    }

    @Test
    void aConnectionEndsThePlan() {
        var plan = planner.preview(
                BuiltInCadences.firstTimeCalls(),
                at(2026, 8, 17, 9, 30),
                newYork,
                List.of(CallOutcome.NO_ANSWER, CallOutcome.CONNECTED));
        assertThat(plan.steps().stream().filter(s -> s.channel() == Channel.CALL))
                .hasSize(2);
        assertThat(plan.end().stage()).isEqualTo("CONNECTED");
    }

    @Property(tries = 200)
    void noPlannedCallIsEverOutsideTheLegalWindowOnAWeekendOrAHoliday(
            @ForAll @From(supplier = Zones.class) String zone,
            @ForAll @From(supplier = Instants.class) Instant start,
            @ForAll @From(supplier = Countries.class) String country) {
        var place = new Place(ZoneId.of(zone), country);
        for (var cadence : BuiltInCadences.all()) {
            for (var step : planner.preview(cadence, start, place, List.of()).steps()) {
                if (step.channel() == Channel.CALL) {
                    assertThat(calendar.isLegal(step.at(), place))
                            .as(
                                    "%s step %d at %s",
                                    cadence.key(), step.n(), step.at().atZone(place.zone()))
                            .isTrue();
                }
            }
        }
    }

    @Property(tries = 100)
    void steppingLiveGivesTheSameInstantsAsThePreview(
            @ForAll @From(supplier = Zones.class) String zone,
            @ForAll @From(supplier = Instants.class) Instant start,
            @ForAll @From(supplier = Countries.class) String country) {
        var place = new Place(ZoneId.of(zone), country);
        for (var cadence : BuiltInCadences.all()) {
            var live = new ArrayList<PlannedStep>();
            int done = 0;
            var last = start;
            for (var next = planner.next(cadence, place, start, done, last); next.isPresent(); ) {
                live.add(next.get());
                done = next.get().n();
                last = next.get().at();
                next = planner.next(cadence, place, start, done, last);
            }
            assertThat(live)
                    .isEqualTo(planner.preview(cadence, start, place, List.of()).steps());
        }
    }

    static class Zones implements net.jqwik.api.ArbitrarySupplier<String> {
        @Override
        public net.jqwik.api.Arbitrary<String> get() {
            return CallCalendarTest.zones();
        }
    }

    static class Instants implements net.jqwik.api.ArbitrarySupplier<Instant> {
        @Override
        public net.jqwik.api.Arbitrary<Instant> get() {
            return CallCalendarTest.instants();
        }
    }

    static class Countries implements net.jqwik.api.ArbitrarySupplier<String> {
        @Override
        public net.jqwik.api.Arbitrary<String> get() {
            return CallCalendarTest.countries();
        }
    }

    private Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, newYork.zone()).toInstant();
    }
}
