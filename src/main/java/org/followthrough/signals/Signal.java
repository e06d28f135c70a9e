package org.followthrough.signals;

import java.time.Instant;
import java.util.Objects;

/**
 * One outside event as the sender described it. {@code id} is the sender's own id for it, which
 * makes a delivery repeated by the sender harmless.
 */
public record Signal(
        String id,
        SignalType type,
        Instant occurredAt,
        String email,
        String domain,
        String url,
        String name,
        String phone,
        String company,
        String message) {

    public Signal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
