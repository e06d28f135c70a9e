package org.followthrough.cadence;

/** What happened on a call. */
public enum CallOutcome {
    CONNECTED,
    VOICEMAIL,
    GATEKEEPER,
    NO_ANSWER,
    WRONG_NUMBER,
    /** Spoke briefly; the prospect asked to be called back. */
    BAD_TIMING
}
