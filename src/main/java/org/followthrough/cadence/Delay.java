package org.followthrough.cadence;

import java.util.Objects;

/** How long after its anchor a step comes: after N minutes, hours, days or business days. */
public record Delay(int amount, Unit unit, Anchor from) {

    public enum Unit {
        MINUTES,
        HOURS,
        DAYS,
        BUSINESS_DAYS
    }

    /** What the delay counts from: the previous step as it actually happened, or the cadence's start. */
    public enum Anchor {
        PREVIOUS,
        START
    }

    public Delay {
        Objects.requireNonNull(unit, "unit");
        from = from == null ? Anchor.PREVIOUS : from;
    }

    public static Delay minutes(int amount, Anchor from) {
        return new Delay(amount, Unit.MINUTES, from);
    }

    public static Delay hours(int amount, Anchor from) {
        return new Delay(amount, Unit.HOURS, from);
    }

    public static Delay businessDays(int amount, Anchor from) {
        return new Delay(amount, Unit.BUSINESS_DAYS, from);
    }
}
