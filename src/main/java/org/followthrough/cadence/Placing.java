package org.followthrough.cadence;

/** Where in the day a step lands once its delay is counted. */
public enum Placing {
    /** At the computed instant; a call is moved forward into the legal window when it falls outside. */
    EXACT,
    /** At the earliest legal moment at or after the computed instant. */
    LEGAL,
    /** In the best-scored window (R4) of that business day or the next. */
    BEST_WINDOW
}
