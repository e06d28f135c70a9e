package org.followthrough.scripts;

/** A person's part in the buying decision (seed: "Sales Call Follow-Up Strategy"). */
public enum DecisionRole {
    DECISION_MAKER,
    INFLUENCER,
    INFO_GATHERER,
    END_USER,
    UNKNOWN;

    /** Whether following up with only this person can close a deal. */
    public boolean decides() {
        return this == DECISION_MAKER;
    }
}
