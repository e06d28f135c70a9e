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

        assertThat(plan.steps().get(0).channel()).isEqualTo(Channel.VOICEMAIL);
        assertThat(plan.steps().get(0).template()).isEqualTo("missed-appointment-m1");
        // three business days apart, each in the best window of that day counted from its start
        assertThat(calls(plan))
                .containsExactly(
                        at(2026, 8, 18, 10, 10),
                        at(2026, 8, 18, 14, 0),
                        at(2026, 8, 21, 11, 0), // Friday: the morning, Friday afternoons are avoided
                        at(2026, 8, 26, 16, 0),
                        at(2026, 9, 1, 16, 0), // R4: Mondays are avoided while the next day is to be had
                        at(2026, 9, 4, 11, 0)); // three business days after Tuesday: Friday, its morning
        assertThat(plan.end().stage()).isEqualTo("NURTURE");
    }

    @Test
    void aLateAfternoonAppointmentRetriesAfterFourHoursInTheLegalWindowTheNextBusinessDay() {
        var friday = at(2026, 8, 21, 18, 0);
        var plan = planner.preview(BuiltInCadences.missedAppointment(), friday, newYork, List.of());
        assertThat(calls(plan)).startsWith(at(2026, 8, 21, 18, 10), at(2026, 8, 24, 8, 0));
    }

    @Test
    void threeBusinessDaysAfterAnEveningCallIsTheThirdBusinessDayNotTheFourth() {
        var plan = planner.preview(BuiltInCadences.missedAppointment(), at(2026, 8, 18, 16, 0), newYork, List.of());
        assertThat(calls(plan)).startsWith(at(2026, 8, 18, 16, 10), at(2026, 8, 18, 20, 0), at(2026, 8, 21, 11, 0));
    }

    @Test
    void retriesPushedToTheNextMorningKeepTheirDistanceInsteadOfComingAMinuteApart() {
        var late = planner.preview(BuiltInCadences.missedAppointment(), at(2026, 8, 18, 20, 55), newYork, List.of());
        assertThat(calls(late)).startsWith(at(2026, 8, 19, 8, 0), at(2026, 8, 19, 11, 50));

        var agreedSaturday =
                planner.preview(BuiltInCadences.missedAppointment(), at(2026, 8, 22, 10, 0), newYork, List.of());
        assertThat(calls(agreedSaturday)).startsWith(at(2026, 8, 24, 8, 10), at(2026, 8, 24, 12, 0));
    }

    @Test
    void firstTimeCallsAreSixCallsOverAboutTwoWeeksEachWithAnEmailThenNurture() {
        var start = at(2026, 8, 17, 9, 30); // a Monday
        var plan = planner.preview(BuiltInCadences.firstTimeCalls(), start, newYork, List.of());
        var calls = calls(plan);
        assertThat(calls)
                .containsExactly(
                        start,
                        at(2026, 8, 18, 16, 0),
                        at(2026, 8, 20, 16, 0),
                        at(2026, 8, 25, 16, 0), // R4: not Monday 24, the Tuesday after it
                        at(2026, 8, 27, 16, 0),
                        at(2026, 9, 1, 16, 0)); // nor Monday 31
        var emails = plan.steps().stream()
                .filter(s -> s.channel() == Channel.EMAIL)
                .map(PlannedStep::at)
                .toList();
        assertThat(emails)
                .containsExactlyElementsOf(
                        calls.stream().map(call -> call.plusSeconds(600)).toList());
        assertThat(plan.steps().stream()
                        .filter(s -> s.channel() == Channel.CALL)
                        .map(PlannedStep::template)
                        .distinct())
                .hasSize(6);
        assertThat(plan.end()).isEqualTo(new Plan.End("NURTURE", at(2026, 9, 1, 16, 10)));
    }

    @Test
    void onceTheTeamsCallsAreLearnedTheAttemptsGoWhereTheTeamConnects() {
        var calls = new long[7][24];
        var connected = new long[7][24];
        for (int day = 0; day < 5; day++) {
            calls[day][16] = 60; // R4's best hour, where this team rarely reaches anyone
            connected[day][16] = 3;
            calls[day][9] = 60;
            connected[day][9] = 30;
        }
        var learned = new BestTimes();
        learned.learn(calls, connected);
        var start = at(2026, 8, 17, 9, 30); // a Monday

        var plan = new Planner(calendar, learned).preview(BuiltInCadences.firstTimeCalls(), start, newYork, List.of());

        assertThat(calls(plan).subList(1, 6))
                .as("every later attempt at 09:00 instead of R4's 16:00")
                .allSatisfy(
                        at -> assertThat(at.atZone(newYork.zone()).getHour()).isEqualTo(9));
        assertThat(calls(plan).get(1)).isEqualTo(at(2026, 8, 18, 9, 0));
    }

    @Test
    void aLeadArrivingAfterFiveIsCalledAtOnceAndThenOnTheNextBusinessDayNotTheOneAfter() {
        var start = at(2026, 8, 18, 17, 30); // a Tuesday evening
        var plan = planner.preview(BuiltInCadences.firstTimeCalls(), start, newYork, List.of());
        assertThat(calls(plan))
                .containsExactly(
                        start,
                        at(2026, 8, 19, 16, 0),
                        at(2026, 8, 21, 11, 0),
                        at(2026, 8, 25, 16, 0),
                        at(2026, 8, 28, 11, 0),
                        at(2026, 9, 1, 16, 0));
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

    private static List<Instant> calls(Plan plan) {
        return plan.steps().stream()
                .filter(s -> s.channel() == Channel.CALL)
                .map(PlannedStep::at)
                .toList();
    }

    private Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, newYork.zone()).toInstant();
    }
}
