package org.followthrough.analytics.web;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.followthrough.analytics.Numbers;
import org.followthrough.analytics.Summary;
import org.followthrough.analytics.TeamComparison;
import org.followthrough.analytics.VariantNumbers;
import org.followthrough.calendar.BestTimes;
import org.followthrough.common.InvalidInput;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.Team;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The numbers page: the same summary as the API, with the connect rates drawn as a heat map of the
 * prospects' local weekdays and hours. A filter it cannot use is named next to its field, and the
 * page shows the default numbers meanwhile.
 */
@Controller
@Page
class NumbersPage {

    static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

    record Cell(String text, int level, String title) {}

    record Row(String weekday, List<Cell> cells) {}

    /** One variant's row of a step: its name, template, sent, then each outcome as "12 (24%)". */
    record VariantRow(String variant, String template, long sent, List<Cell> outcomes) {}

    /** A step's wordings compared: the outcome columns, the rows, and the rule's verdict on each outcome. */
    record StepView(String title, List<String> outcomes, List<VariantRow> rows, List<String> verdicts) {}

    private final Numbers numbers;
    private final VariantNumbers variants;
    private final TeamComparison comparison;
    private final Team team;

    NumbersPage(Numbers numbers, VariantNumbers variants, TeamComparison comparison, Team team) {
        this.numbers = numbers;
        this.variants = variants;
        this.comparison = comparison;
        this.team = team;
    }

    @GetMapping("/numbers")
    String show(
            Actor actor,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String days,
            Model model) {
        var errors = new HashMap<String, String>();
        Integer period = null;
        if (days != null && !days.isBlank()) {
            try {
                period = Integer.valueOf(days.strip());
            } catch (NumberFormatException notANumber) {
                errors.put("days", "must be a whole number, not '" + days + "'");
            }
        }
        Summary summary;
        int shown = errors.isEmpty() && period != null ? period : Numbers.DEFAULT_DAYS;
        try {
            summary = numbers.summary(actor, owner, period);
        } catch (InvalidInput refused) {
            refused.problems().forEach(p -> errors.put(p.field(), p.message()));
            summary = numbers.summary(actor, null, null);
            shown = Numbers.DEFAULT_DAYS;
        }
        model.addAttribute("errors", errors);
        model.addAttribute("summary", summary);
        model.addAttribute("days", shown);
        model.addAttribute("periods", PERIODS.contains(shown) ? PERIODS : withPeriod(shown));
        model.addAttribute(
                "owner", summary.scope().owner() == null ? "" : summary.scope().owner());
        model.addAttribute("members", actor.seesWholeTeam() ? team.members() : List.<Member>of());
        model.addAttribute("whose", whose(actor, summary.scope().owner()));
        model.addAttribute("hours", hours());
        model.addAttribute("learnAfter", BestTimes.ENOUGH_CALLS);
        model.addAttribute("heat", heat(summary.connectHeatMap()));
        var report = variants.report(actor, summary.scope().owner(), shown);
        model.addAttribute("variants", report);
        model.addAttribute(
                "variantSteps", report.steps().stream().map(NumbersPage::step).toList());
        return "analytics/numbers";
    }

    static StepView step(VariantNumbers.StepResult step) {
        var outcomes = step.verdicts().stream()
                .map(VariantNumbers.OutcomeVerdict::outcome)
                .toList();
        var rows = new ArrayList<VariantRow>();
        for (var v : step.variants()) {
            var cells = new ArrayList<Cell>();
            for (var verdict : step.verdicts()) {
                long hits = hits(v, verdict.outcome());
                int percent = v.sent() == 0 ? 0 : (int) Math.round(100.0 * hits / v.sent());
                boolean won = v.variant().equals(verdict.winner());
                cells.add(new Cell(
                        hits + " (" + percent + "%)" + (won ? " — winner" : ""),
                        won ? 1 : 0,
                        hits + " of " + v.sent() + " sent"));
            }
            rows.add(new VariantRow(v.variant(), v.template(), v.sent(), cells));
        }
        var verdicts = step.verdicts().stream()
                .map(v -> OUTCOME_NAMES.get(v.outcome()) + ": " + v.why())
                .toList();
        var title = step.cadenceName() + ", step " + step.step() + " ("
                + (step.channel() == org.followthrough.cadence.Channel.EMAIL ? "email" : "voicemail") + ")";
        return new StepView(title, outcomes.stream().map(OUTCOME_NAMES::get).toList(), rows, verdicts);
    }

    static final java.util.Map<VariantNumbers.Outcome, String> OUTCOME_NAMES = java.util.Map.of(
            VariantNumbers.Outcome.OPENED, "Opened",
            VariantNumbers.Outcome.CLICKED, "Clicked",
            VariantNumbers.Outcome.REPLIED, "Replied",
            VariantNumbers.Outcome.CONNECTED, "Call connected after",
            VariantNumbers.Outcome.BOOKED, "Meeting booked after");

    private static long hits(VariantNumbers.VariantResult v, VariantNumbers.Outcome outcome) {
        return switch (outcome) {
            case OPENED -> v.opened() == null ? 0 : v.opened();
            case CLICKED -> v.clicked() == null ? 0 : v.clicked();
            case REPLIED -> v.replied();
            case CONNECTED -> v.connected();
            case BOOKED -> v.booked();
        };
    }

    private String whose(Actor actor, String owner) {
        if (owner == null) {
            return "The whole team's calls";
        }
        if (owner.equals(actor.email())) {
            return "Your calls";
        }
        return team.memberByEmail(owner).map(Member::fullName).orElse(owner) + "'s calls";
    }

    /** The periods to choose from, with one given by address (a bookmark of the last 45 days) among them. */
    private static List<Integer> withPeriod(int days) {
        var periods = new ArrayList<>(PERIODS);
        periods.add(days);
        periods.sort(null);
        return periods;
    }

    private static List<Integer> hours() {
        var hours = new ArrayList<Integer>();
        for (int h = BestTimes.FIRST_HOUR; h <= BestTimes.LAST_HOUR; h++) {
            hours.add(h);
        }
        return hours;
    }

    /** Monday to Friday always, the weekend days only when calls were made on them. */
    static List<Row> heat(List<Summary.HeatCell> cells) {
        var rows = new ArrayList<Row>();
        for (var day : DayOfWeek.values()) {
            var ofDay = cells.stream().filter(c -> c.weekday() == day).toList();
            boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            if (weekend && ofDay.isEmpty()) {
                continue;
            }
            var row = new ArrayList<Cell>();
            for (int hour = BestTimes.FIRST_HOUR; hour <= BestTimes.LAST_HOUR; hour++) {
                int h = hour;
                row.add(ofDay.stream()
                        .filter(c -> c.hour() == h)
                        .findFirst()
                        .map(NumbersPage::cell)
                        .orElse(new Cell("", 0, "no calls")));
            }
            rows.add(new Row(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH), row));
        }
        return rows;
    }

    private static Cell cell(Summary.HeatCell c) {
        int percent = (int) Math.round(c.rate() * 100);
        int level = c.connected() == 0 ? 1 : Math.min(5, 2 + percent / 15);
        return new Cell(percent + "%", level, c.connected() + " connected of " + c.calls() + " calls");
    }
}
