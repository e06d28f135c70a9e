package org.followthrough.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * While a prospect's zone is not certain, nothing is judged legal, proposed or planned outside the
 * legal hours of any zone they may be in (issue: a "legal" 09:00 call rang at 06:00). The zones are
 * real multi-zone countries' (the JDK's IANA rules say what time it is there); the hours are the
 * shipped data. Legality in one zone is checked here on its own terms — the local date is a business
 * day of the place and the local time inside that weekday's hours — not by the calendar's own loop.
 */
public class ZoneSafeCallingTest {

    /** Countries whose zones span many hours, with the region a prospect may be known to be in. */
    public static final Map<String, List<String>> ZONES = Map.of(
            "US",
            List.of(
                    "America/New_York",
                    "America/Chicago",
                    "America/Denver",
                    "America/Phoenix",
                    "America/Los_Angeles",
                    "America/Anchorage",
                    "America/Adak",
                    "Pacific/Honolulu"),
            "CA",
            List.of(
                    "America/St_Johns",
                    "America/Halifax",
                    "America/Toronto",
                    "America/Winnipeg",
                    "America/Edmonton",
                    "America/Vancouver"),
            "AU",
            List.of(
                    "Australia/Perth",
                    "Australia/Darwin",
                    "Australia/Adelaide",
                    "Australia/Brisbane",
                    "Australia/Sydney"),
            "RU",
            List.of(
                    "Europe/Kaliningrad",
                    "Europe/Moscow",
                    "Asia/Yekaterinburg",
                    "Asia/Novosibirsk",
                    "Asia/Irkutsk",
                    "Asia/Vladivostok"),
            "BR",
            List.of("America/Noronha", "America/Sao_Paulo", "America/Manaus", "America/Rio_Branco"),
            "MX",
            List.of("America/Cancun", "America/Mexico_City", "America/Chihuahua", "America/Tijuana"));

    static final List<String> REGIONS = java.util.Arrays.asList(null, "US-FL", "US-TX", "US-MS", "US-OK");

    static final Holidays HOLIDAYS = new Holidays();
    static final CallingWindows HOURS = CallingWindows.shipped();

    final CallCalendar calendar = new CallCalendar(CallingWindows.shipped(), new Holidays());

    @Test
    void aRepSeesTheSpreadOfAnUncertainZone() {
        var alaska = new Place(ZoneId.of("America/Anchorage"), "US", "US-AK", List.of(ZoneId.of("America/Adak")));
        var at = ZonedDateTime.of(2026, 8, 19, 8, 0, 0, 0, alaska.zone()).toInstant();
        assertThat(calendar.describeSpread(at, alaska)).isEqualTo("08:00 in Anchorage, 07:00 in Adak");
    }

    @Test
    void anAlaskanMorningWaitsForAdak() {
        var alaska = new Place(ZoneId.of("America/Anchorage"), "US", null, List.of(ZoneId.of("America/Adak")));
        var anchorageEight =
                ZonedDateTime.of(2026, 8, 19, 8, 0, 0, 0, alaska.zone()).toInstant();
        assertThat(calendar.isLegal(anchorageEight, new Place(alaska.zone(), "US")))
                .isTrue();
        assertThat(calendar.isLegal(anchorageEight, alaska)).as("07:00 in Adak").isFalse();
        assertThat(calendar.earliestLegal(anchorageEight, alaska))
                .isEqualTo(
                        ZonedDateTime.of(2026, 8, 19, 9, 0, 0, 0, alaska.zone()).toInstant());
        var adakEightPm = ZonedDateTime.of(2026, 8, 19, 20, 30, 0, 0, ZoneId.of("America/Adak"))
                .toInstant();
        assertThat(calendar.isLegal(adakEightPm, alaska))
                .as("21:30 in Anchorage")
                .isFalse();
    }

    record Case(String country, String region, List<ZoneId> zones, Instant at) {
        Place place() {
            return new Place(zones.get(0), country, region, zones.subList(1, zones.size()));
        }
    }

    @Property(tries = 400)
    void theEarliestLegalMomentIsLegalInEveryCandidateAndNoneComesBefore(@ForAll("cases") Case c) {
        var place = c.place();
        var legal = calendar.earliestLegal(c.at(), place);
        assertThat(legal).isAfterOrEqualTo(c.at());
        for (var zone : place.candidates()) {
            assertThat(legalIn(legal, zone, place))
                    .as("%s in %s", legal.atZone(zone), zone)
                    .isTrue();
        }
        // no earlier quarter hour is legal everywhere
        for (var t = c.at(); t.isBefore(legal); t = t.plus(Duration.ofMinutes(15))) {
            var at = t;
            assertThat(place.candidates().stream().allMatch(z -> legalIn(at, z, place)))
                    .as("%s was legal everywhere before %s", at, legal)
                    .isFalse();
        }
    }

    @Property(tries = 400)
    void judgedLegalOnlyWhenLegalInEveryCandidate(@ForAll("cases") Case c) {
        var place = c.place();
        boolean everywhere = place.candidates().stream().allMatch(z -> legalIn(c.at(), z, place));
        assertThat(calendar.isLegal(c.at(), place)).isEqualTo(everywhere);
    }

    @Property(tries = 150)
    void proposedSlotsAreLegalInEveryCandidate(@ForAll("cases") Case c) {
        var place = c.place();
        var slots = new Slots(calendar, new BestTimes()).propose(c.at(), place, 5, at -> true);
        assertThat(slots).isNotEmpty();
        for (var slot : slots) {
            for (var zone : place.candidates()) {
                assertThat(legalIn(slot.at(), zone, place))
                        .as("%s in %s", slot.at().atZone(zone), zone)
                        .isTrue();
            }
        }
    }

    /** The rule itself, for one zone: a business day of the place there, inside that weekday's hours. */
    private boolean legalIn(Instant at, ZoneId zone, Place place) {
        var local = at.atZone(zone);
        var date = local.toLocalDate();
        if (calendar.weekend(place.country()).contains(date.getDayOfWeek())
                || HOLIDAYS.isHoliday(date, place.country(), place.region())) {
            return false;
        }
        return HOURS.hours(place.country(), place.region(), date.getDayOfWeek()).stream()
                .anyMatch(w -> !local.toLocalTime().isBefore(w.from())
                        && local.toLocalTime().isBefore(w.until()));
    }

    @Provide
    Arbitrary<Case> cases() {
        var country = Arbitraries.of(List.copyOf(ZONES.keySet()));
        return country.flatMap(code -> {
            var zones = Arbitraries.of(ZONES.get(code))
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(4)
                    .uniqueElements();
            var region = code.equals("US") ? Arbitraries.of(REGIONS) : Arbitraries.just((String) null);
            return Combinators.combine(zones, region, CallCalendarTest.instants())
                    .as((ids, r, at) -> new Case(code, r, zoneIds(ids), at))
                    .filter(ZoneSafeCallingTest::sharesLegalHours);
        });
    }

    private static List<ZoneId> zoneIds(List<String> ids) {
        var zones = new ArrayList<ZoneId>();
        ids.forEach(id -> zones.add(ZoneId.of(id)));
        return zones;
    }

    /**
     * Zones whose clocks are more than the shortest calling day apart share no legal hour; the
     * calendar then lets the zone shown decide, which the properties above do not cover.
     */
    private static boolean sharesLegalHours(Case c) {
        var offsets = c.zones().stream()
                .map(z -> z.getRules().getOffset(c.at()).getTotalSeconds())
                .toList();
        int spread = offsets.stream().max(Integer::compare).orElseThrow()
                - offsets.stream().min(Integer::compare).orElseThrow();
        return spread <= 9 * 3600;
    }
}
