package org.followthrough.cadence;

import java.util.List;
import org.followthrough.common.Nullable;

/**
 * A named plan of steps. {@code endStage} is where the prospect goes when the last step passes
 * without a connection (NURTURE for first-time calls, R8), or null when the cadence just ends.
 * {@code emailsPerDay} is how many of its automated emails one prospect may get on one of their days
 * (null: the installation's cap, {@code followthrough.mail.send-window.per-prospect-per-day}, one
 * unless configured). {@code alongside} says the cadence runs beside the prospect's other cadences
 * (an event invitation or a nurture email beside the calls) instead of being their one cadence: a
 * prospect is in at most one cadence that does not run alongside, and in each that does at most once.
 */
public record Cadence(
        String key,
        String name,
        List<Step> steps,
        @Nullable String endStage,
        @Nullable Integer emailsPerDay,
        boolean alongside) {

    /** The most automated emails a day a cadence may allow one prospect. */
    public static final int MAX_EMAILS_PER_DAY = 10;

    /** A cadence that is the prospect's one cadence while it runs. */
    public Cadence(
            String key, String name, List<Step> steps, @Nullable String endStage, @Nullable Integer emailsPerDay) {
        this(key, name, steps, endStage, emailsPerDay, false);
    }

    /** A cadence held to the installation's daily cap. */
    public Cadence(String key, String name, List<Step> steps, @Nullable String endStage) {
        this(key, name, steps, endStage, null, false);
    }

    public static final String FIRST_TIME_CALLS = "first-time-calls";
    public static final String MISSED_APPOINTMENT = "missed-appointment";
    public static final String POST_SALE = "post-sale";
    public static final String NURTURE = "nurture";

    public Cadence {
        steps = List.copyOf(steps);
    }

    public Step step(int n) {
        return steps.get(n - 1);
    }

    /** Whether any step of the cadence goes by the channel. */
    public boolean has(Channel channel) {
        return steps.stream().anyMatch(s -> s.channel() == channel);
    }

    /**
     * Whether the cadence would call someone who may not be called: it has calls, and is not one of those that
     * still make sense for them with their calls left out (nurture, the post-sale check-ins).
     */
    public boolean callsTheDoNotCall() {
        return has(Channel.CALL) && !key.equals(NURTURE) && !key.equals(POST_SALE);
    }

    /** Whether a call comes right after step {@code n}. */
    public boolean callFollows(int n) {
        return n < steps.size() && step(n + 1).channel() == Channel.CALL;
    }

    /** Why step {@code n}, a call, is planned, as the queue and the timeline say it ("First-time calls: call 2 of 6"). */
    public String callReason(int n) {
        var calls = steps.stream().filter(s -> s.channel() == Channel.CALL).toList();
        int index = 1;
        for (var s : calls) {
            if (s.n() == n) {
                break;
            }
            index++;
        }
        return name + ": call " + index + " of " + calls.size();
    }

    /** Calls in this cadence are first-time calls (FTC #n) rather than follow-ups (R5). */
    public boolean isFirstTimeCalls() {
        return key.equals(FIRST_TIME_CALLS);
    }
}
