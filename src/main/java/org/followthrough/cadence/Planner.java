package org.followthrough.cadence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.followthrough.calendar.BestTimes;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.CallingWindows;
import org.followthrough.calendar.Place;

/**
 * Turns a cadence, a prospect's place and what has happened into the next step at an exact instant.
 * Live scheduling calls {@link #next} after every step; {@link #preview} is nothing but a loop over
 * the same method, so what a manager previews is what the engine does.
 *
 * <p>How a call step finds its moment:
 *
 * <ul>
 *   <li>"N business days" names a day (R3): the step lands in that day's best window (R4) counted
 *       from the day's start — or, placed LEGAL or EXACT, at the anchor's time of day moved into that
 *       day's calling window — so "three business days after a call at 20:00" is the third business
 *       day, not the fourth. BEST_WINDOW may still prefer the next business day's better window, at a
 *       cost.
 *   <li>Minutes or hours from the cadence's start (the missed-appointment calls, R12) are moved into
 *       the legal window when they fall outside it, and never come less than the cadence's own gap
 *       after the step before them: an appointment at 20:55 is retried at 08:00 the next morning and
 *       again at 11:50, an agreed Saturday appointment at 08:10 and 12:00 on Monday — about four
 *       hours after the appointment moved into the legal window — never two calls a minute apart.
 *   <li>No step comes before the one before it as it happened.
 * </ul>
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
        Instant due;
        if (step.channel() == Channel.EMAIL) {
            due = latest(after(anchor, step.delay(), place), previous);
        } else if (step.delay().unit() == Delay.Unit.BUSINESS_DAYS) {
            due = onBusinessDay(step, calendar.local(anchor, place), previous, place);
        } else {
            var at = after(anchor, step.delay(), place);
            if (lastDoneN > 0) {
                at = latest(at, previous.plus(gap(cadence.steps().get(lastDoneN - 1), step)));
            }
            due = place(step, at, place);
            if (due.isBefore(previous)) {
                due = place(step, previous, place);
            }
        }
        return Optional.of(new PlannedStep(step.n(), step.channel(), due, step.template()));
    }

    /**
     * The start from which the step after {@code lastDoneN} falls due at {@code now}: how a cadence
     * left part-way goes on where it was (R6: the next variant, not the first again), with its next
     * step now and the ones after it at their usual distances.
     */
    public Instant resumedStart(Cadence cadence, Place place, int lastDoneN, Instant now) {
        if (lastDoneN >= cadence.steps().size()) {
            return now;
        }
        var delay = cadence.steps().get(lastDoneN).delay();
        if (delay.from() != Delay.Anchor.START) {
            return now;
        }
        var local = calendar.local(now, place);
        return switch (delay.unit()) {
            case MINUTES -> now.minus(Duration.ofMinutes(delay.amount()));
            case HOURS -> now.minus(Duration.ofHours(delay.amount()));
            case DAYS -> local.minusDays(delay.amount()).toInstant();
            case BUSINESS_DAYS ->
                ZonedDateTime.of(
                                calendar.minusBusinessDays(local.toLocalDate(), delay.amount(), place),
                                local.toLocalTime(),
                                place.zone())
                        .toInstant();
        };
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

    /**
     * The cadence's own distance between two steps timed from its start in minutes or hours (10
     * minutes and 4 hours after a missed appointment: 3 h 50 min); zero for any other pair.
     */
    private static Duration gap(Step before, Step step) {
        if (!fromStartInMinutes(before.delay()) || !fromStartInMinutes(step.delay())) {
            return Duration.ZERO;
        }
        long between = minutes(step.delay()) - minutes(before.delay());
        return between > 0 ? Duration.ofMinutes(between) : Duration.ZERO;
    }

    private static boolean fromStartInMinutes(Delay delay) {
        return delay.from() == Delay.Anchor.START
                && (delay.unit() == Delay.Unit.MINUTES || delay.unit() == Delay.Unit.HOURS);
    }

    private static long minutes(Delay delay) {
        return delay.unit() == Delay.Unit.HOURS ? delay.amount() * 60L : delay.amount();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isBefore(b) ? b : a;
    }

    private Instant place(Step step, Instant at, Place place) {
        return switch (step.placing()) {
            case EXACT, LEGAL -> calendar.earliestLegal(at, place);
            case BEST_WINDOW -> bestWindow(LocalDate.MIN, at, place, false);
        };
    }

    /**
     * A call "N business days" after {@code anchor}: on that day (R3), in its best window from the
     * day's start, or at the anchor's time of day moved into that day's calling window; never before
     * {@code notBefore}.
     */
    private Instant onBusinessDay(Step step, ZonedDateTime anchor, Instant notBefore, Place place) {
        var date = calendar.plusBusinessDays(anchor.toLocalDate(), step.delay().amount(), place);
        if (!calendar.isBusinessDay(date, place)) {
            date = calendar.nextBusinessDay(date, place);
        }
        if (step.placing() == Placing.BEST_WINDOW) {
            return bestWindow(date, notBefore, place, true);
        }
        var hours = calendar.hours(date, place);
        var time = hours.isEmpty() ? anchor.toLocalTime() : hours.get(0).from();
        for (var window : hours) {
            if (window.contains(anchor.toLocalTime())) {
                time = anchor.toLocalTime();
            }
        }
        var at = calendar.at(date, time, place);
        return at.isBefore(notBefore) || !calendar.isLegal(at, place)
                ? calendar.earliestLegal(latest(at, notBefore), place)
                : at;
    }

    /**
     * The best-scored window start on {@code date} or the next business day (a day later costs), not
     * before {@code notBefore}; from the day {@code notBefore} may first be called on when that is
     * later. A step counted in days ({@code avoid}) keeps off R4's Mondays and Friday afternoons: one
     * of those is taken only when neither day, nor the business day after them, has another window
     * legal for the prospect. A step counted in hours from its start has no other day to go to.
     */
    private Instant bestWindow(LocalDate date, Instant notBefore, Place place, boolean avoid) {
        var earliest = calendar.earliestLegal(notBefore, place);
        var earliestDate = calendar.local(earliest, place).toLocalDate();
        if (earliestDate.isAfter(date)) {
            date = earliestDate;
        }
        Instant best = null;
        int bestScore = Integer.MIN_VALUE;
        Instant bestAvoided = null;
        int bestAvoidedScore = Integer.MIN_VALUE;
        for (int day = 0; day < 3 && (day < 2 || best == null); day++) {
            var hours = calendar.hours(date, place);
            for (var time : bestTimes.windowStarts()) {
                var at = calendar.at(date, time, place);
                if (at.isBefore(notBefore) || !legal(at, time, hours, place)) {
                    continue;
                }
                var local = LocalDateTime.of(date, time);
                int score = bestTimes.value(local) - 3 * day;
                if (avoid && bestTimes.avoided(local)) {
                    if (score > bestAvoidedScore || (score == bestAvoidedScore && at.isBefore(bestAvoided))) {
                        bestAvoided = at;
                        bestAvoidedScore = score;
                    }
                } else if (score > bestScore || (score == bestScore && at.isBefore(best))) {
                    best = at;
                    bestScore = score;
                }
            }
            date = calendar.nextBusinessDay(date, place);
        }
        if (best == null) {
            best = bestAvoided;
        }
        // a clock change can move a window start; the legal hours always have the last word
        return best != null && calendar.isLegal(best, place) ? best : earliest;
    }

    /**
     * Whether a window start is legal: inside the day's hours in the zone shown (the clock change is
     * checked once, on the chosen start), and, while the zone is not certain, in every candidate zone.
     */
    private boolean legal(Instant at, java.time.LocalTime time, List<CallingWindows.Window> hours, Place place) {
        for (var window : hours) {
            if (window.contains(time)) {
                return !place.zoneUncertain() || calendar.isLegal(at, place);
            }
        }
        return false;
    }
}
