package org.followthrough.cadence;

import java.util.Objects;

/** One step of a cadence: its channel, its timing rule and the template variant it uses. */
public record Step(int n, Channel channel, Delay delay, Placing placing, String template) {

    public Step {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(delay, "delay");
        placing = placing == null ? Placing.EXACT : placing;
    }
}
