package org.followthrough.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.followthrough.calendar.BestTimes;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.CallCalendarTest;
import org.followthrough.calendar.CallingWindows;
import org.followthrough.calendar.Holidays;
import org.followthrough.calendar.Place;
import org.followthrough.calendar.ZoneSafeCallingTest;

/**
 * Nothing the planner plans for a prospect whose zone is not certain rings outside the legal hours of
 * any zone they may be in, whatever the cadence, the start, or the zones (issue 20, point 2).
 */
class ZoneSafePlanningTest {

    static final CallingWindows HOURS = CallingWindows.shipped();
    static final Holidays HOLIDAYS = new Holidays();

    final CallCalendar calendar = new CallCalendar(HOURS, HOLIDAYS);
    final Planner planner = new Planner(calendar, new BestTimes());

    record Case(Place place, Instant start) {}

    @Property(tries = 150)
    void everyPlannedCallIsLegalInEveryCandidateZone(@ForAll("cases") Case c) {
        for (var cadence : BuiltInCadences.all()) {
            for (var step :
                    planner.preview(cadence, c.start(), c.place(), List.of()).steps()) {
                if (step.channel() == Channel.EMAIL) {
                    continue;
                }
                for (var zone : c.place().candidates()) {
                    var local = step.at().atZone(zone);
                    assertThat(legal(local, c.place()))
                            .as("%s step %d at %s", cadence.key(), step.n(), local)
                            .isTrue();
                }
            }
        }
    }

    private boolean legal(java.time.ZonedDateTime local, Place place) {
        var date = local.toLocalDate();
        var weekend = calendar.weekend(place.country());
        if (weekend.contains(date.getDayOfWeek()) || HOLIDAYS.isHoliday(date, place.country(), place.region())) {
            return false;
        }
        return HOURS.hours(place.country(), place.region(), date.getDayOfWeek()).stream()
                .anyMatch(w -> w.contains(local.toLocalTime()));
    }

    @Provide
    Arbitrary<Case> cases() {
        var country = Arbitraries.of(List.copyOf(ZoneSafeCallingTest.ZONES.keySet()));
        return country.flatMap(code -> Combinators.combine(
                        Arbitraries.of(ZoneSafeCallingTest.ZONES.get(code))
                                .list()
                                .ofMinSize(2)
                                .ofMaxSize(3)
                                .uniqueElements(),
                        CallCalendarTest.instants())
                .as((ids, start) -> new Case(
                        new Place(
                                ZoneId.of(ids.get(0)),
                                code,
                                null,
                                ids.subList(1, ids.size()).stream()
                                        .map(ZoneId::of)
                                        .toList()),
                        start))
                .filter(ZoneSafePlanningTest::sharesLegalHours));
    }

    private static boolean sharesLegalHours(Case c) {
        var offsets = c.place().candidates().stream()
                .map(z -> z.getRules().getOffset(c.start()).getTotalSeconds())
                .toList();
        return offsets.stream().max(Integer::compare).orElseThrow()
                        - offsets.stream().min(Integer::compare).orElseThrow()
                <= 9 * 3600;
    }
}
