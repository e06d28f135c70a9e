package org.followthrough.prospects;

/** The part a prospect plays in their company's buying decision (seed 001). */
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
