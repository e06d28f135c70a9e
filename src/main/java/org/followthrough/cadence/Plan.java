package org.followthrough.cadence;

import java.time.Instant;
import java.util.List;

/** What a cadence would do from a start, given the outcomes of its calls: the steps, then how it ends. */
public record Plan(List<PlannedStep> steps, End end) {

    /** How the plan ends: CONNECTED, the cadence's end stage, or null when it just ends. */
    public record End(String stage, Instant at) {}
}
