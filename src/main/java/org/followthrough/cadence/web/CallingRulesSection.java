package org.followthrough.cadence.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import org.followthrough.cadence.CallingRules;
import org.followthrough.calendar.CallingWindows;
import org.followthrough.common.Countries;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.team.Actor;
import org.followthrough.team.Team;
import org.followthrough.web.FormErrors;
import org.followthrough.web.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The settings page's calling rules (R2, R3): the legal calling hours in force, each with the law it
 * follows, the administrator's rows and days off (changed here by administrators), and the weekdays a
 * chosen country's calendar skips over the next twelve months — the organisation's country first.
 */
@Controller
@Page
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
class CallingRulesSection {

    /** A row of the hours table, with the place's name for people. */
    record HoursRow(String where, String place, String days, String hours, String source, Integer override) {}

    private final CallingRules rules;
    private final Team team;
    private final Clock clock;

    CallingRulesSection(CallingRules rules, Team team, Clock clock) {
        this.rules = rules;
        this.team = team;
        this.clock = clock;
    }

    @GetMapping("/settings/calling")
    String section(
            Actor actor,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String region,
            Model model) {
        return render(actor, country, region, null, FormErrors.none(), model);
    }

    /** Adds a row that replaces the shipped hours for that place and those weekdays. */
    @PostMapping("/settings/calling/hours")
    String addHours(
            Actor actor,
            @RequestParam(defaultValue = "") String where,
            @RequestParam(defaultValue = "") String days,
            @RequestParam(defaultValue = "") String hours,
            @RequestParam(defaultValue = "") String source,
            Model model) {
        var rows = new ArrayList<CallingRules.RuleInput>();
        rules.overrides().forEach(r -> rows.add(input(r)));
        rows.add(new CallingRules.RuleInput(where, days, hours, source));
        try {
            rules.replace(actor, rows);
            return render(actor, null, null, "Calling hours saved.", FormErrors.none(), model);
        } catch (InvalidInput invalid) {
            model.addAttribute("hoursForm", Map.of("where", where, "days", days, "hours", hours, "source", source));
            return render(actor, null, null, null, lastRowErrors(invalid), model);
        }
    }

    @PostMapping("/settings/calling/hours/remove")
    String removeHours(Actor actor, @RequestParam int position, Model model) {
        var rows = new ArrayList<CallingRules.RuleInput>();
        rules.overrides().forEach(r -> rows.add(input(r)));
        if (position < 0 || position >= rows.size()) {
            throw Refusal.notFound("Calling hours row", position);
        }
        rows.remove(position);
        rules.replace(actor, rows);
        return render(actor, null, null, "Calling hours saved.", FormErrors.none(), model);
    }

    @PostMapping("/settings/calling/days-off")
    String addDayOff(
            Actor actor,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String name,
            Model model) {
        try {
            rules.addDayOff(actor, CallingRulesController.date("dayOffDate", date), name);
            return render(actor, null, null, "Day off saved.", FormErrors.none(), model);
        } catch (InvalidInput invalid) {
            var errors = new java.util.HashMap<String, String>();
            invalid.problems()
                    .forEach(p -> errors.put(
                            p.field().equals("date")
                                    ? "dayOffDate"
                                    : p.field().equals("name") ? "dayOffName" : p.field(),
                            p.message()));
            model.addAttribute("dayOffForm", Map.of("date", date, "name", name));
            return render(actor, null, null, null, errors, model);
        }
    }

    @PostMapping("/settings/calling/days-off/remove")
    String removeDayOff(Actor actor, @RequestParam String date, Model model) {
        rules.removeDayOff(actor, CallingRulesController.date("date", date));
        return render(actor, null, null, "Day off removed.", FormErrors.none(), model);
    }

    private String render(
            Actor actor, String country, String region, String saved, Map<String, String> errors, Model model) {
        var organisation = team.organisation();
        var today = LocalDate.now(clock.withZone(organisation.timeZone()));
        var shown = new java.util.HashMap<String, String>(errors);
        var code = country == null || country.isBlank()
                ? organisation.country()
                : Countries.parse(country).orElse(null);
        if (code == null) {
            shown.put("country", "'" + country + "' is not a country; " + Countries.hint());
            code = organisation.country();
        }
        var area = region == null || region.isBlank() ? null : region.strip().toUpperCase(Locale.ROOT);
        if (area != null && !area.matches(code + "-[A-Z0-9]{1,3}")) {
            shown.put("region", "'" + region + "' is not a region of " + code + "; use ISO 3166-2, such as US-TX");
            area = null;
        }
        var overrides = rules.overrides();
        var rows = new ArrayList<HoursRow>();
        var inForce = rules.inForce();
        int firstOverride = inForce.size() - overrides.size();
        for (int i = 0; i < inForce.size(); i++) {
            var r = inForce.get(i);
            rows.add(new HoursRow(
                    r.where(),
                    name(r.where()),
                    r.daysText(),
                    r.hoursText(),
                    r.source(),
                    i >= firstOverride ? i - firstOverride : null));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("admin", actor.isAdmin());
        model.addAttribute("daysOff", rules.daysOff());
        model.addAttribute("country", code);
        model.addAttribute("region", area == null ? "" : area);
        model.addAttribute("countryName", name(area == null ? code : area));
        model.addAttribute("skipped", rules.skipped(code, area, today, today.plusMonths(12)));
        model.addAttribute("saved", saved);
        model.addAttribute("errors", shown);
        if (!model.containsAttribute("hoursForm")) {
            model.addAttribute("hoursForm", Map.of("where", "", "days", "MON-FRI", "hours", "", "source", ""));
        }
        if (!model.containsAttribute("dayOffForm")) {
            model.addAttribute("dayOffForm", Map.of("date", "", "name", ""));
        }
        return "settings/calling :: section";
    }

    /** The problems of the row just added, named by its field on the form. */
    private static Map<String, String> lastRowErrors(InvalidInput invalid) {
        var errors = new java.util.HashMap<String, String>();
        for (var problem : invalid.problems()) {
            var field = problem.field();
            errors.put("hours" + capitalised(field.substring(field.lastIndexOf('.') + 1)), problem.message());
        }
        return errors;
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static CallingRules.RuleInput input(CallingWindows.Rule rule) {
        return new CallingRules.RuleInput(rule.where(), rule.daysText(), rule.hoursText(), rule.source());
    }

    static String name(String where) {
        if (where.equals("*")) {
            return "Everywhere";
        }
        var country = new Locale("", where.substring(0, 2)).getDisplayCountry(Locale.ENGLISH);
        return where.length() == 2 ? country + " (" + where + ")" : country + ", " + where;
    }
}
