package org.followthrough.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The legal calling hours are data (issue 20, point 5): shipped per country and per region where its
 * law is stricter, each row citing its law and section, by weekday, narrowed and changed without code.
 */
class CallingHoursTest {

    final CallingWindows shipped = CallingWindows.shipped();
    final CallCalendar calendar = new CallCalendar(shipped, new Holidays());

    @Test
    void everyShippedRowCitesTheLawItFollows() {
        assertThat(shipped.rules()).isNotEmpty();
        for (var rule : shipped.rules()) {
            assertThat(rule.source()).as(rule.where()).matches(".*(§|art\\.|CFR|Code|Act|Stat\\.).*");
        }
        assertThat(shipped.rules()).extracting(CallingWindows.Rule::where).contains("*", "FR", "US-FL", "US-TX");
    }

    @Test
    void franceHasALunchBreakAndNoWeekendCalls() {
        var paris = new Place(ZoneId.of("Europe/Paris"), "FR");
        var tuesday = ZonedDateTime.of(2026, 9, 15, 13, 30, 0, 0, paris.zone());
        assertThat(calendar.isLegal(tuesday.toInstant(), paris)).as("13:30").isFalse();
        assertThat(calendar.isLegal(tuesday.withHour(9).toInstant(), paris))
                .as("09:30")
                .isFalse();
        assertThat(calendar.earliestLegal(tuesday.toInstant(), paris))
                .isEqualTo(tuesday.withHour(14).withMinute(0).toInstant());
        assertThat(shipped.hours("FR", null, DayOfWeek.SATURDAY)).isEmpty();
    }

    @Test
    void aStricterStateNarrowsTheCountrysHoursForItsProspectsOnly() {
        var miami = ZoneId.of("America/New_York");
        var evening = ZonedDateTime.of(2026, 9, 15, 20, 30, 0, 0, miami).toInstant();
        assertThat(calendar.isLegal(evening, new Place(miami, "US"))).isTrue();
        assertThat(calendar.isLegal(evening, new Place(miami, "US", "US-FL", List.of())))
                .isFalse();
        // Texas: from noon on Sundays, 09:00 on other days; Mississippi: no Sunday calls at all
        assertThat(shipped.hours("US", "US-TX", DayOfWeek.SUNDAY).get(0).from()).hasToString("12:00");
        assertThat(shipped.hours("US", "US-TX", DayOfWeek.MONDAY).get(0).from()).hasToString("09:00");
        assertThat(shipped.hours("US", "US-MS", DayOfWeek.SUNDAY)).isEmpty();
        assertThat(shipped.hours("US", "US-MS", DayOfWeek.SATURDAY)).isNotEmpty();
    }

    @Test
    void aRegionOrCountryRowOnlyNarrowsWhatAppliesEverywhere() {
        var wider = shipped.with(List.of(new CallingWindows.Rule(
                "US-FL", EnumSet.allOf(DayOfWeek.class), List.of(CallingWindows.Window.parse("06:00-23:00")), "test")));
        assertThat(wider.hours("US", "US-FL", DayOfWeek.MONDAY))
                .containsExactly(CallingWindows.Window.parse("08:00-21:00"));
    }

    @Test
    void anAdministratorsRowReplacesTheShippedOneForThatPlaceAndThoseDays() {
        var changed = shipped.with(List.of(CallingWindows.Rule.parse("FR", "MON-FRI", "09:00-18:00", "our counsel")));
        assertThat(changed.hours("FR", null, DayOfWeek.MONDAY))
                .containsExactly(CallingWindows.Window.parse("09:00-18:00"));
        assertThat(changed.hours("FR", null, DayOfWeek.SUNDAY)).isEmpty();
        calendar.use(changed);
        var paris = new Place(ZoneId.of("Europe/Paris"), "FR");
        assertThat(calendar.isLegal(
                        ZonedDateTime.of(2026, 9, 15, 13, 30, 0, 0, paris.zone())
                                .toInstant(),
                        paris))
                .isTrue();
    }

    @Test
    void rulesAreReadAsPeopleWriteThemAndWrongOnesAreNamed() {
        var rule = CallingWindows.Rule.parse("us-tx", "sat,sun", "10:00-13:00 14:00-20:00", "x");
        assertThat(rule.where()).isEqualTo("US-TX");
        assertThat(rule.days()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(rule.hoursText()).isEqualTo("10:00–13:00 14:00–20:00");
        assertThat(CallingWindows.Rule.parse("*", "FRI-MON", "none", "").days())
                .containsExactlyInAnyOrder(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThatThrownBy(() -> CallingWindows.Rule.parse("Texas", "MON", "09:00-20:00", ""))
                .hasMessageStartingWith("where");
        assertThatThrownBy(() -> CallingWindows.Rule.parse("US", "someday", "09:00-20:00", ""))
                .hasMessageStartingWith("days");
        assertThatThrownBy(() -> CallingWindows.Rule.parse("US", "MON", "20:00-09:00", ""))
                .hasMessageContaining("end after it starts");
        assertThatThrownBy(() -> CallingWindows.Rule.parse("US", "MON", "09:00-14:00 13:00-20:00", ""))
                .hasMessageContaining("overlap");
    }

    @Test
    void theWindowShownIsTheWednesdayOfThePlace() {
        assertThat(calendar.window(new Place(ZoneId.of("Europe/Paris"), "FR")))
                .isEqualTo(CallingWindows.Window.parse("10:00-20:00"));
        assertThat(shipped.everywhere()).isEqualTo(CallingWindows.DEFAULT);
    }
}
