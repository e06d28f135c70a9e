package org.followthrough.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

public class CallCalendarTest {

    static final List<String> COUNTRIES = List.of("US", "DE", "FR", "GB", "AU", "JP", "BR", "IN", "CA", "ES");

    final CallCalendar calendar = new CallCalendar(
            new CallingWindows(CallingWindows.DEFAULT, Map.of("DE", CallingWindows.Window.parse("09:00-20:00"))),
            new Holidays());

    @Test
    void afterHoursBeforeChristmasTheNextLegalCallIsAfterTheHolidayAndTheWeekend() {
        var ny = new Place(ZoneId.of("America/New_York"), "US");
        var evening = ZonedDateTime.of(2026, 12, 24, 21, 30, 0, 0, ny.zone()).toInstant();
        assertThat(calendar.earliestLegal(evening, ny))
                .isEqualTo(ZonedDateTime.of(2026, 12, 28, 8, 0, 0, 0, ny.zone()).toInstant());
    }

    @Test
    void businessDaysSkipWeekendsAndTheCountrysHolidays() {
        var berlin = new Place(ZoneId.of("Europe/Berlin"), "DE");
        // Wednesday 30 Sept 2026 + 3 business days: Thu 1, Fri 2, (Sat 3 is German Unity Day), Mon 5
        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 9, 30), 3, berlin))
                .isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 25), berlin)).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 7, 3), new Place(ZoneId.of("America/Chicago"), "US")))
                .as("Independence Day observed on Friday")
                .isFalse();
    }

    @Test
    void aHolidayObservedInTheYearBeforeItsOwnIsADayOff() {
        // New Year's Day 2028 is a Saturday, observed on Friday 31 December 2027
        var chicago = new Place(ZoneId.of("America/Chicago"), "US");
        assertThat(calendar.isBusinessDay(LocalDate.of(2027, 12, 31), chicago)).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2027, 12, 30), chicago)).isTrue();
        assertThat(calendar.plusBusinessDays(LocalDate.of(2027, 12, 30), 1, chicago))
                .isEqualTo(LocalDate.of(2028, 1, 3));
        var lateOnThursday =
                ZonedDateTime.of(2027, 12, 30, 21, 30, 0, 0, chicago.zone()).toInstant();
        assertThat(calendar.earliestLegal(lateOnThursday, chicago))
                .isEqualTo(
                        ZonedDateTime.of(2028, 1, 3, 8, 0, 0, 0, chicago.zone()).toInstant());
    }

    @Test
    void aCountryMayNarrowTheWindow() {
        var berlin = new Place(ZoneId.of("Europe/Berlin"), "DE");
        var at0830 = ZonedDateTime.of(2026, 8, 18, 8, 30, 0, 0, berlin.zone()).toInstant();
        assertThat(calendar.isLegal(at0830, berlin)).isFalse();
        assertThat(calendar.isLegal(at0830, new Place(ZoneId.of("Europe/Berlin"), "FR")))
                .isTrue();
    }

    @Property(tries = 500)
    void theEarliestLegalMomentIsLegalAndNeverEarlier(
            @ForAll("zones") String zone, @ForAll("instants") Instant at, @ForAll("countries") String country) {
        var place = new Place(ZoneId.of(zone), country);
        var legal = calendar.earliestLegal(at, place);
        assertThat(legal).isAfterOrEqualTo(at);
        assertThat(calendar.isLegal(legal, place)).isTrue();
        var local = legal.atZone(place.zone());
        assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(calendar.isHoliday(local.toLocalDate(), place)).isFalse();
    }

    @Property(tries = 300)
    void proposedSlotsAreLegalFreeAndInTheFuture(
            @ForAll("zones") String zone, @ForAll("instants") Instant now, @ForAll("countries") String country) {
        var place = new Place(ZoneId.of(zone), country);
        var busy = now.plusSeconds(86_400);
        var slots = new Slots(calendar, new BestTimes()).propose(now, place, 5, at -> !at.equals(busy));
        assertThat(slots).hasSize(5);
        for (var slot : slots) {
            assertThat(calendar.isLegal(slot.at(), place)).isTrue();
            assertThat(slot.at()).isAfter(now).isNotEqualTo(busy);
            assertThat(LocalDateTime.ofInstant(slot.at(), place.zone())).isEqualTo(slot.localTime());
        }
    }

    @Provide
    public static Arbitrary<String> zones() {
        return Arbitraries.of(ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc") && !z.startsWith("SystemV"))
                .sorted()
                .toList());
    }

    @Provide
    public static Arbitrary<Instant> instants() {
        // 2026–2028, with every DST change inside
        return Arbitraries.longs().between(1_767_225_600L, 1_861_920_000L).map(Instant::ofEpochSecond);
    }

    @Provide
    public static Arbitrary<String> countries() {
        return Arbitraries.of(COUNTRIES);
    }
}
