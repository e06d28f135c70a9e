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

    static TimedAction fromInstanceId(String instanceId, Instant dueAt, String payload) {
        int slash = instanceId.indexOf('/');
        return new TimedAction(instanceId.substring(0, slash), instanceId.substring(slash + 1), dueAt, payload);
    }
}
