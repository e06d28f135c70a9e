package org.followthrough.signals;

/** The kinds of outside events FollowThrough listens to. */
public enum SignalType {
    INQUIRY,
    PAGE_VIEW,
    EMAIL_OPEN,
    EMAIL_CLICK,
    EMAIL_REPLY
}
