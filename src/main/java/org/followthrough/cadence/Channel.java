package org.followthrough.cadence;

/** How a step reaches the prospect. */
public enum Channel {
    CALL,
    EMAIL,
    /** A message left during the call it belongs to, shown in the plan so the rep knows which one. */
    VOICEMAIL
}
