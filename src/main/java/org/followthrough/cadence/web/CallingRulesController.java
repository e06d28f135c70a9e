package org.followthrough.cadence.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.followthrough.cadence.CallingRules;
import org.followthrough.calendar.CallingWindows;
import org.followthrough.common.Countries;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Nullable;
import org.followthrough.team.Actor;
import org.followthrough.team.Team;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calling rules as administrators change them (R2, R3): the calling hours in force with their
 * sources, the administrator's rows that replace shipped ones, the organisation's days off, and the
 * weekdays a country's calendar skips.
 */
@RestController
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
class CallingRulesController {

    record Row(String where, String days, String hours, String source) {
        static Row of(CallingWindows.Rule rule) {
            return new Row(rule.where(), rule.daysText(), rule.hoursText(), rule.source());
        }
    }

    record CallingHours(List<Row> inForce, List<Row> overrides) {}

    record Overrides(List<CallingRules.RuleInput> overrides) {}

    record NewDayOff(String date, String name) {}

    record Skipped(
            String country,
            @Nullable String region,
            LocalDate from,
            LocalDate until,
            List<CallingRules.SkippedDay> days) {}

    private final CallingRules rules;
    private final Team team;
    private final Clock clock;

    CallingRulesController(CallingRules rules, Team team, Clock clock) {
        this.rules = rules;
        this.team = team;
        this.clock = clock;
    }

    @GetMapping("/api/v1/admin/calling-hours")
    CallingHours callingHours() {
        return new CallingHours(
                rules.inForce().stream().map(Row::of).toList(),
                rules.overrides().stream().map(Row::of).toList());
    }

    /** Replaces the administrator's rows; an empty list goes back to the shipped rules. */
    @PutMapping("/api/v1/admin/calling-hours")
    @PreAuthorize("hasRole('ADMIN')")
    CallingHours change(Actor actor, @RequestBody Overrides request) {
        rules.replace(actor, request.overrides());
        return callingHours();
    }

    @GetMapping("/api/v1/admin/days-off")
    List<CallingRules.DayOff> daysOff() {
        return rules.daysOff();
    }

    @PostMapping("/api/v1/admin/days-off")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    CallingRules.DayOff addDayOff(Actor actor, @RequestBody NewDayOff request) {
        return rules.addDayOff(actor, date("date", request.date()), request.name());
    }

    @DeleteMapping("/api/v1/admin/days-off/{date}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeDayOff(Actor actor, @PathVariable String date) {
        rules.removeDayOff(actor, date("date", date));
    }

    /** The weekdays skipped in a country (the organisation's unless named) over the next {@code days} days. */
    @GetMapping("/api/v1/admin/skipped-days")
    Skipped skipped(
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "365") int days) {
        var organisation = team.organisation();
        var problems = new InvalidInput.Collector();
        var code = country == null || country.isBlank()
                ? organisation.country()
                : Countries.parse(country).orElse(null);
        if (code == null) {
            problems.add("country", "'" + country + "' is not a country; " + Countries.hint());
        }
        String area = null;
        if (region != null && !region.isBlank()) {
            area = region.strip().toUpperCase(java.util.Locale.ROOT);
            if (code != null && !area.matches(code + "-[A-Z0-9]{1,3}")) {
                problems.add(
                        "region", "'" + region + "' is not a region of " + code + "; use ISO 3166-2, such as US-TX");
            }
        }
        if (days < 1 || days > 3660) {
            problems.add("days", "from 1 to 3660");
        }
        problems.throwIfAny();
        var from = LocalDate.now(clock.withZone(organisation.timeZone()));
        var until = from.plusDays(days - 1L);
        return new Skipped(code, area, from, until, rules.skipped(code, area, from, until));
    }

    static LocalDate date(String field, String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "'" + text + "' is not a date; use 2026-12-24");
        }
    }
}
