package org.followthrough.prospects;

import java.util.UUID;

/**
 * An import finished; the prospects it created carry its id. {@code cadence} is the cadence they start
 * ({@code "none"}: none; null, as in events recorded before it was chosen: the first-time calls).
 */
public record ProspectsImported(UUID importId, long created, long updated, String cadence) {

    public ProspectsImported(UUID importId, long created, long updated) {
        this(importId, created, updated, null);
    }

    /** The cadence the new prospects start, or empty for none. */
    public java.util.Optional<String> cadenceToStart() {
        if ("none".equals(cadence)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(cadence == null ? "first-time-calls" : cadence);
    }
}
