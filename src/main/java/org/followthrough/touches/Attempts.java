package org.followthrough.touches;

/**
 * How many calls a prospect has had, counted as R5 numbers them: every call before the first
 * connected one is a first-time call (FTC #n), every call from then on a follow-up (Follow-up #n).
 * The connecting call and every call after it count as follow-ups for persistence (R13).
 */
public record Attempts(int beforeConnection, int afterConnection, boolean connected) {

    public static final Attempts NONE = new Attempts(0, 0, false);

    /** The label the next call carries: FTC #n until the prospect was reached, then Follow-up #n. */
    public String nextLabel() {
        return connected ? "Follow-up #" + (afterConnection + 1) : "FTC #" + (beforeConnection + 1);
    }

    /** These attempts after one more call with this outcome, taken in the order the calls happened. */
    public Attempts after(String outcome) {
        return connected
                ? new Attempts(beforeConnection, afterConnection + 1, true)
                : new Attempts(beforeConnection + 1, 0, "CONNECTED".equals(outcome));
    }

    /** The follow-ups so far, counted for persistence (R13): the connecting call and every call after it. */
    public int followUps() {
        return afterConnection + (connected ? 1 : 0);
    }
}
