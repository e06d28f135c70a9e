package org.followthrough.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The public holidays agree with official lists (issue 20, point 4): for every country and region of
 * the reference table kept in test resources ({@code calendar/holidays-reference.csv}, its source
 * named per place in {@code holidays-reference-sources.csv}), 2026 to 2028, every business day of
 * the place is a holiday here exactly when the reference lists it — observed, substitute, lunar and
 * religious days included. Dates on the weekend are left out: they skip nothing.
 */
public class HolidaysReferenceTest {

    final Holidays holidays = new Holidays();
    final CallCalendar calendar = new CallCalendar(CallingWindows.shipped(), holidays);

    @Test
    void everyReferencePlaceAgreesOnEveryBusinessDayFrom2026To2028() {
        var reference = reference();
        var disagreements = new ArrayList<String>();
        for (var where : sources().keySet()) {
            var country = where.substring(0, 2);
            var region = where.length() > 2 ? where : null;
            var place = new Place(java.time.ZoneOffset.UTC, country, region, List.of());
            var listed = reference.getOrDefault(where, Set.of());
            for (var date = LocalDate.of(2026, 1, 1); date.getYear() <= 2028; date = date.plusDays(1)) {
                if (calendar.weekend(country).contains(date.getDayOfWeek())) {
                    continue;
                }
                boolean ours = holidays.isHoliday(date, country, region);
                if (ours != listed.contains(date)) {
                    disagreements.add(where + " " + date + (ours ? " is a holiday here only" : " is missing here"));
                }
                assertThat(calendar.isBusinessDay(date, place)).isEqualTo(!ours);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void thirtyOfTheLargestMarketsEachWithItsSourceNamed() {
        var sources = sources();
        var countries = new TreeSet<String>();
        sources.keySet().stream().filter(w -> w.length() == 2).forEach(countries::add);
        assertThat(countries)
                .hasSizeGreaterThanOrEqualTo(30)
                .contains(
                        "US", "CA", "MX", "BR", "GB", "DE", "FR", "IN", "JP", "KR", "SG", "AU", "NZ", "ZA", "AE", "SA");
        sources.forEach((where, source) -> assertThat(source).as(where).isNotBlank());
        assertThat(reference().keySet()).containsAll(sources.keySet());
    }

    @Test
    void whatTheIssueFoundIsFixed() {
        // Japan: the Emperor's Birthday moved to 23 February in 2020
        assertThat(holidays.isHoliday(LocalDate.of(2026, 12, 23), "JP")).isFalse();
        assertThat(holidays.isHoliday(LocalDate.of(2026, 2, 23), "JP")).isTrue();
        // India: the 14 compulsory holidays of central government offices, lunar and religious ones included
        assertThat(holidays.between("IN", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .extracting(Holidays.PublicHoliday::date)
                .contains(LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 8), LocalDate.of(2026, 3, 21))
                .hasSizeGreaterThanOrEqualTo(14);
        // Canada: Christmas 2027 is a Saturday, observed on Monday 27 December
        assertThat(holidays.isHoliday(LocalDate.of(2027, 12, 27), "CA")).isTrue();
    }

    @Test
    void aRegionsDaysApplyOnlyWithTheRegion() {
        var epiphany = LocalDate.of(2026, 1, 6); // Bavaria, not Berlin
        assertThat(holidays.isHoliday(epiphany, "DE", "DE-BY")).isTrue();
        assertThat(holidays.isHoliday(epiphany, "DE")).isFalse();
        var melbourneCup = LocalDate.of(2026, 11, 3);
        assertThat(holidays.isHoliday(melbourneCup, "AU", "AU-VIC")).isTrue();
        assertThat(holidays.isHoliday(melbourneCup, "AU", "AU-NSW")).isFalse();
        var easterMonday = LocalDate.of(2026, 4, 6); // England and Wales, not Scotland
        assertThat(holidays.isHoliday(easterMonday, "GB")).isTrue();
        assertThat(holidays.isHoliday(easterMonday, "GB", "GB-SCT")).isFalse();
        var holi = LocalDate.of(2026, 3, 4); // central government offices in Delhi
        assertThat(holidays.isHoliday(holi, "IN", "IN-DL")).isTrue();
        assertThat(holidays.isHoliday(holi, "IN")).isFalse();
        var stJeanBaptiste = LocalDate.of(2026, 6, 24); // Quebec's national holiday
        assertThat(holidays.isHoliday(stJeanBaptiste, "CA", "CA-QC")).isTrue();
        assertThat(holidays.isHoliday(stJeanBaptiste, "CA")).isFalse();
        var cesarChavez = LocalDate.of(2026, 3, 31); // a California state holiday
        assertThat(holidays.isHoliday(cesarChavez, "US", "US-CA")).isTrue();
        assertThat(holidays.isHoliday(cesarChavez, "US")).isFalse();
    }

    @Test
    void aWeekendOtherThanSaturdayAndSundayIsTheCountrys() {
        assertThat(calendar.weekend("SA"))
                .containsExactlyInAnyOrder(java.time.DayOfWeek.FRIDAY, java.time.DayOfWeek.SATURDAY);
        var riyadh = new Place(java.time.ZoneId.of("Asia/Riyadh"), "SA");
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 8, 16), riyadh))
                .as("a Sunday")
                .isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 8, 14), riyadh))
                .as("a Friday")
                .isFalse();
    }

    public static Map<String, Set<LocalDate>> reference() {
        var days = new HashMap<String, Set<LocalDate>>();
        for (var row : read("/calendar/holidays-reference.csv")) {
            days.computeIfAbsent(row.getField("country"), k -> new HashSet<>())
                    .add(LocalDate.parse(row.getField("date")));
        }
        return days;
    }

    static Map<String, String> sources() {
        var sources = new java.util.LinkedHashMap<String, String>();
        for (var row : read("/calendar/holidays-reference-sources.csv")) {
            sources.put(row.getField("where"), row.getField("source") + "; " + row.getField("second_check"));
        }
        return sources;
    }

    static List<NamedCsvRecord> read(String resource) {
        try (var reader = CsvReader.builder()
                .commentStrategy(CommentStrategy.SKIP)
                .ofNamedCsvRecord(new InputStreamReader(
                        HolidaysReferenceTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            var rows = new ArrayList<NamedCsvRecord>();
            reader.forEach(rows::add);
            return rows;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
