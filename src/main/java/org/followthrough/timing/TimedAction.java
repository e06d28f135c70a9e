package org.followthrough.timing;

import java.time.Instant;
import java.util.Objects;

/**
 * Something to do at an exact instant. The {@code kind} names the handler; the {@code key} makes the
 * action unique within its kind, so scheduling the same kind and key again moves it instead of
 * adding a second one. The payload is whatever the handler needs (an id, a small JSON text).
 */
public record TimedAction(String kind, String key, Instant dueAt, String payload) {

    public TimedAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dueAt, "dueAt");
        if (kind.isBlank() || kind.contains("/") || key.isBlank()) {
            throw new IllegalArgumentException("a timed action needs a kind without '/' and a key");
        }
        payload = payload == null ? "" : payload;
    }

    String instanceId() {
        return kind + "/" + key;
    }

    /**
     * What the scheduler stores with the action: the instant it was planned for, then the payload. The
     * scheduler's own execution time changes when it retries or revives an action, the planned
     * instant never does, so it identifies the run.
     */
    String data() {
        return dueAt + "|" + payload;
    }

    static TimedAction fromStored(String instanceId, Instant executionTime, String data) {
        int slash = instanceId.indexOf('/');
        var dueAt = executionTime;
        var payload = data == null ? "" : data;
        int bar = payload.indexOf('|');
        if (bar > 0) {
            try {
                dueAt = Instant.parse(payload.substring(0, bar));
                payload = payload.substring(bar + 1);
            } catch (java.time.DateTimeException notPlannedInstant) {
                // stored without a planned instant: the execution time is the best there is
            }
        }
        return new TimedAction(instanceId.substring(0, slash), instanceId.substring(slash + 1), dueAt, payload);
    }
}
