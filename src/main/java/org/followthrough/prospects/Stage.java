package org.followthrough.prospects;

/** Where a prospect stands with the team. */
public enum Stage {
    /** Not called yet. */
    NEW,
    /** Called, not yet spoken with: every call is a first-time call. */
    ATTEMPTING,
    /** Spoken with; follow-ups under way. */
    ENGAGED,
    WON,
    LOST,
    /** Said no or never answered: slow nurture until a trigger event. */
    NURTURE;

    /** Whether the prospect has reached an end: won, lost, or nurtured until a trigger event. */
    public boolean isEnd() {
        return this == WON || this == LOST || this == NURTURE;
    }

    /** Whether the engine must always have a next step planned for the prospect (R23): open or nurtured. */
    public boolean isFollowedUp() {
        return isOpen() || this == NURTURE;
    }

    /** Whether the prospect is still being worked towards a sale. */
    public boolean isOpen() {
        return this == NEW || this == ATTEMPTING || this == ENGAGED;
    }
}
