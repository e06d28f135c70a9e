package org.followthrough.cadence.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.team.Team;
import org.followthrough.web.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The settings page's calling rules (R2, R3): the legal window everywhere and per country, as the
 * planner uses them, and the organisation country's public holidays for the next twelve months.
 */
@Controller
@Page
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
class CallingRulesSection {

    private final CallCalendar calendar;
    private final Team team;
    private final Clock clock;

    CallingRulesSection(CallCalendar calendar, Team team, Clock clock) {
        this.calendar = calendar;
        this.team = team;
        this.clock = clock;
    }

    @GetMapping("/settings/calling")
    String section(Model model) {
        var organisation = team.organisation();
        var today = LocalDate.now(clock.withZone(organisation.timeZone()));
        var windows = calendar.windows();
        Map<String, String> byCountry = new TreeMap<>();
        windows.byCountry().forEach((country, w) -> byCountry.put(name(country), w.from() + "–" + w.until()));
        model.addAttribute(
                "standard",
                windows.everywhere().from() + "–" + windows.everywhere().until());
        model.addAttribute("byCountry", byCountry);
        model.addAttribute("country", organisation.country());
        model.addAttribute("countryName", name(organisation.country()));
        model.addAttribute("holidays", calendar.holidays(organisation.country(), today, today.plusMonths(12)));
        return "settings/calling :: section";
    }

    private static String name(String country) {
        return new Locale("", country).getDisplayCountry(Locale.ENGLISH) + " (" + country + ")";
    }
}
