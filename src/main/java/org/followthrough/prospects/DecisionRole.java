package org.followthrough.prospects;

/** The part a prospect plays in their company's buying decision. */
public enum DecisionRole {
    DECISION_MAKER,
    INFLUENCER,
    INFO_GATHERER,
    END_USER,
    UNKNOWN
}
