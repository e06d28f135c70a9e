package org.followthrough.cadence;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.followthrough.calendar.BestTimes;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.Place;

/**
 * Turns a cadence, a prospect's place and what has happened into the next step at an exact instant.
 * Live scheduling calls {@link #next} after every step; {@link #preview} is nothing but a loop over
 * the same method, so what a manager previews is what the engine does.
 */
public final class Planner {

    private final CallCalendar calendar;
    private final BestTimes bestTimes;

    public Planner(CallCalendar calendar, BestTimes bestTimes) {
        this.calendar = calendar;
        this.bestTimes = bestTimes;
    }

    /**
     * The step after step {@code lastDoneN} (0 when none is done yet), which happened at {@code lastDoneAt};
     * empty when the cadence has no more steps. Never earlier than the step before it.
     */
    public Optional<PlannedStep> next(Cadence cadence, Place place, Instant start, int lastDoneN, Instant lastDoneAt) {
        if (lastDoneN >= cadence.steps().size()) {
            return Optional.empty();
        }
        var step = cadence.steps().get(lastDoneN);
        var previous = lastDoneN == 0 ? start : lastDoneAt;
        var anchor = step.delay().from() == Delay.Anchor.START ? start : previous;
        var due = place(step, after(anchor, step.delay(), place), place);
        if (due.isBefore(previous)) {
            due = place(step, previous, place);
        }
        return Optional.of(new PlannedStep(step.n(), step.channel(), due, step.template()));
    }

    /** Everything the cadence would do from {@code start}; calls without a given outcome are taken as NO_ANSWER. */
    public Plan preview(Cadence cadence, Instant start, Place place, List<CallOutcome> outcomes) {
        var steps = new ArrayList<PlannedStep>();
        int calls = 0;
        int done = 0;
        var last = start;
        for (var next = next(cadence, place, start, 0, start); next.isPresent(); ) {
            var step = next.get();
            steps.add(step);
            if (step.channel() == Channel.CALL) {
                var outcome = calls < outcomes.size() ? outcomes.get(calls) : CallOutcome.NO_ANSWER;
                calls++;
                if (outcome == CallOutcome.CONNECTED) {
                    return new Plan(steps, new Plan.End("CONNECTED", step.at()));
                }
            }
            done = step.n();
            last = step.at();
            next = next(cadence, place, start, done, last);
        }
        return new Plan(steps, new Plan.End(cadence.endStage(), last));
    }

    private Instant after(Instant anchor, Delay delay, Place place) {
        return switch (delay.unit()) {
            case MINUTES -> anchor.plus(Duration.ofMinutes(delay.amount()));
            case HOURS -> anchor.plus(Duration.ofHours(delay.amount()));
            case DAYS -> calendar.local(anchor, place).plusDays(delay.amount()).toInstant();
            case BUSINESS_DAYS -> {
                var local = calendar.local(anchor, place);
                var date = calendar.plusBusinessDays(local.toLocalDate(), delay.amount(), place);
                yield ZonedDateTime.of(date, local.toLocalTime(), place.zone()).toInstant();
            }
        };
    }

    private Instant place(Step step, Instant at, Place place) {
        if (step.channel() == Channel.EMAIL) {
            return at;
        }
        return switch (step.placing()) {
            case EXACT, LEGAL -> calendar.earliestLegal(at, place);
            case BEST_WINDOW -> bestWindow(at, place);
        };
    }

    /**
     * The best-scored window start on the day of {@code notBefore} or the next business day (a day later
     * costs). Both days are business days by construction, so each candidate only needs the window check.
     */
    private Instant bestWindow(Instant notBefore, Place place) {
        var window = calendar.window(place);
        var date =
                calendar.local(calendar.earliestLegal(notBefore, place), place).toLocalDate();
        Instant best = null;
        int bestScore = Integer.MIN_VALUE;
        for (int day = 0; day < 2; day++) {
            for (var time : BestTimes.WINDOW_STARTS) {
                if (!window.contains(time)) {
                    continue;
                }
                var at = calendar.at(date, time, place);
                if (at.isBefore(notBefore)) {
                    continue;
                }
                int score = bestTimes.value(java.time.LocalDateTime.of(date, time)) - 3 * day;
                if (score > bestScore || (score == bestScore && at.isBefore(best))) {
                    best = at;
                    bestScore = score;
                }
            }
            date = calendar.nextBusinessDay(date, place);
        }
        // a clock change can move a window start; the legal window always has the last word
        return best != null && calendar.isLegal(best, place) ? best : calendar.earliestLegal(notBefore, place);
    }
}
