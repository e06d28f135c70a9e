package org.followthrough.signals.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signed webhooks in ({@code POST /api/v1/signals}).
 *
 * @param webhookSecret the secret senders sign with; several, separated by commas, are accepted at
 *     once while one is rotated; without one the endpoint answers 503
 * @param signals how fast a source may send and how signals are stored
 */
@ConfigurationProperties("followthrough")
record SignalSettings(String webhookSecret, @DefaultValue Signals signals) {

    SignalSettings {
        webhookSecret = webhookSecret == null ? "" : webhookSecret;
    }

    /**
     * @param flood a source (remote address) sending faster is answered 429 with Retry-After
     * @param intake the writers that store signals by group commit
     */
    record Signals(@DefaultValue Flood flood, @DefaultValue Intake intake) {}

    /**
     * @param perSecond signals a second one source may send (default 20000)
     * @param burst how many it may send at once above that (default 40000)
     */
    record Flood(@DefaultValue("20000") double perSecond, @DefaultValue("40000") double burst) {}

    /**
     * @param writers threads storing signals (default 1: one writer makes the largest batches)
     * @param batch the most one transaction stores (default 500)
     * @param capacity signals waiting to be stored before new ones are answered 503 (default 20000)
     */
    record Intake(
            @DefaultValue("1") int writers, @DefaultValue("500") int batch, @DefaultValue("20000") int capacity) {}

    boolean secretConfigured() {
        return !webhookSecret.isBlank();
    }
}
