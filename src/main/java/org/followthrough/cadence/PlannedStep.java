package org.followthrough.cadence;

import java.time.Instant;

/** A step with the exact instant the planner gave it. */
public record PlannedStep(int n, Channel channel, Instant at, String template) {}
