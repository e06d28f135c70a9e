package org.followthrough.signals;

import java.util.List;
import java.util.UUID;

/**
 * Signals stored for the first time, taken in together: one event for a whole batch, so a busy
 * website's page views cost one stored publication per batch rather than one per view. It names the
 * signals only; {@link Signals#received(List)} reads what each one said and whom it concerns, and an
 * erased person's signals read blank.
 */
public record SignalsReceived(List<UUID> signalIds) {

    public SignalsReceived {
        signalIds = List.copyOf(signalIds);
        if (signalIds.isEmpty()) {
            throw new IllegalArgumentException("a SignalsReceived names at least one signal");
        }
    }
}
