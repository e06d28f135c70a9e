package org.followthrough.signals;

import java.time.Instant;
import java.util.Objects;

/**
 * One outside event as the sender described it. {@code id} is the sender's own id for it, which
 * makes a delivery repeated by the sender harmless. An inquiry may say where the person is
 * ({@code country}, {@code region}, {@code timeZone}) as the sender's form had it: kept as written, and
 * set aside with a warning when it cannot be read.
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
        String message,
        String country,
        String region,
        String timeZone) {

    /** A signal that says nothing of where the person is. */
    public Signal(
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
        this(id, type, occurredAt, email, domain, url, name, phone, company, message, null, null, null);
    }

    public Signal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
