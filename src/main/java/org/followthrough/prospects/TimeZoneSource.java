package org.followthrough.prospects;

/** Where a prospect's time zone came from, most certain first. */
public enum TimeZoneSource {
    GIVEN,
    PHONE,
    COUNTRY,
    DEFAULT
}
