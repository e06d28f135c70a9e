package org.followthrough.signals.web;

import java.util.concurrent.ConcurrentHashMap;
import org.followthrough.common.Refusal;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Slows a flood of signals from one source (one remote address) with a token bucket: {@code
 * per-second} signals a second on average, bursts up to {@code burst}. A refused request is answered
 * 429 with Retry-After before anything is read or stored, so what was accepted stays accepted and a
 * well-behaved sender simply retries later. The default is generous: a busy website's tracker stays
 * well under it. It measures elapsed real time, not the application's clock, because it is about how
 * fast requests arrive, not about the business calendar.
 */
@Component
@EnableConfigurationProperties(SignalSettings.class)
class FloodGate {

    private static final int MAX_SOURCES = 10_000;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double perSecond;
    private final double burst;

    FloodGate(SignalSettings settings) {
        double perSecond = settings.signals().flood().perSecond();
        double burst = settings.signals().flood().burst();
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("followthrough.signals.flood.per-second must be > 0 and burst >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Lets the request through, or refuses it with 429 and how many seconds to wait. */
    void admit(String source) {
        admit(source, 1);
    }

    /** Lets {@code signals} signals through at once (a batch), or refuses them all. */
    void admit(String source, int signals) {
        if (buckets.size() > MAX_SOURCES) {
            buckets.clear(); // many sources at once: forget them all rather than grow without bound
        }
        var wait = buckets.computeIfAbsent(source, s -> new Bucket(burst))
                .take(signals, perSecond, burst, System.nanoTime());
        if (wait > 0) {
            var seconds = Math.max(1, (long) Math.ceil(wait));
            throw new Refusal(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "Too many signals",
                            "This source sends more than " + (long) perSecond
                                    + " signals a second; nothing was stored for this request. Send it again in "
                                    + seconds + " s; signals already accepted are kept.")
                    .with("retryAfterSeconds", seconds);
        }
    }

    private static final class Bucket {

        private double tokens;
        private long updated;

        Bucket(double burst) {
            this.tokens = burst;
            this.updated = System.nanoTime();
        }

        /** Takes {@code n} tokens; 0 when there were, else the seconds until there will be. */
        synchronized double take(int n, double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
            if (tokens >= n) {
                tokens -= n;
                return 0;
            }
            return (n - tokens) / perSecond;
        }
    }
}
