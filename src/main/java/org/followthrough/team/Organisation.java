package org.followthrough.team;

import java.time.ZoneId;

/** The organisation running this FollowThrough: its name and the defaults for prospects. */
public record Organisation(String name, ZoneId timeZone, String country) {}
