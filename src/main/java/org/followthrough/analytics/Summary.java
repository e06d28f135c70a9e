package org.followthrough.analytics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import org.followthrough.common.Nullable;

/**
 * The team's numbers over a period (R19). Every share comes with the count it is a share of, so a
 * reader can tell a trend from three calls.
 */
public record Summary(
        Scope scope,
        FollowUpsToClose followUpsToClose,
        List<Reach> reachByAttempt,
        Abandoned abandoned,
        Punctuality punctuality,
        List<HeatCell> connectHeatMap,
        List<Objections> objections,
        NoNextStep noNextStep,
        BestTimes bestTimes) {

    /** Whose numbers, over which period: {@code owner} is null for the whole team. */
    public record Scope(@Nullable String owner, Instant from, Instant to) {}

    /** From the won prospects: how many follow-ups (calls after the first connection) the sale took. */
    public record FollowUpsToClose(
            long won, @Nullable Double median, @Nullable Double average, List<Count> distribution) {}

    /** How many sales (or closings) took exactly this many follow-ups. */
    public record Count(int followUps, long prospects) {}

    /** Of the first-time calls numbered {@code attempt} (FTC #n), how many connected. */
    public record Reach(int attempt, long calls, long connected, double rate) {}

    /**
     * Of the prospects closed as LOST or NURTURE on a call, those given up on after one follow-up or
     * fewer although they never said no.
     */
    public record Abandoned(long closed, long afterOneFollowUpOrFewer, double share) {}

    /** How late appointment calls were logged after their agreed minute; on time is within a minute. */
    public record Punctuality(
            long appointmentCalls,
            long onTime,
            double onTimeShare,
            @Nullable Long p50Seconds,
            @Nullable Long p95Seconds,
            @Nullable Long maxSeconds) {}

    /** Calls and connections at one hour of one weekday, in the prospect's local time. */
    public record HeatCell(DayOfWeek weekday, int hour, long calls, long connected, double rate) {}

    public record Objections(String category, long count, double share) {}

    /**
     * Leads with no planned next step (R23): the engaged prospects the never-lose-a-lead check (every
     * quarter of an hour) left to their owner, still without one; the check plans for all the others.
     */
    public record NoNextStep(long count, List<Lead> first) {}

    public record Lead(String id, String fullName, String stage) {}

    /**
     * The best hours to call, best first: {@code basedOn} says whether the team's own calls or R4's
     * priors decide, and each window shows the calls behind it.
     */
    public record BestTimes(String basedOn, long calls, List<Window> windows, Engine engine) {}

    /**
     * What the engine plans with right now, whatever the scope above: the whole team's last 90 days
     * once they hold enough calls, else R4's; the hours it tries, best first.
     */
    public record Engine(String basedOn, List<java.time.LocalTime> windowStarts) {}

    /**
     * One weekday hour: the team's raw rate there, R4's prior for it and the estimate that blends
     * the two, weighted by how many calls there were.
     */
    public record Window(
            DayOfWeek weekday,
            int hour,
            long calls,
            long connected,
            @Nullable Double rate,
            double prior,
            double estimate) {}
}
