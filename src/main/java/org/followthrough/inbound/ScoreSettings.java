package org.followthrough.inbound;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the intent score (R22) weighs what a prospect did. Every event brings its points, which halve
 * with each {@code halfLife} of age, so last week's pricing visit outweighs last quarter's. Events older
 * than {@code window} no longer count.
 *
 * @param halfLife age at which an event counts half (default 14 days)
 * @param window how far back events count (default 90 days)
 * @param points points per event, by name: a signal type ({@code INQUIRY}, {@code PAGE_VIEW},
 *     {@code HOT_PAGE_VIEW}, {@code EMAIL_OPEN}, {@code EMAIL_CLICK}, {@code EMAIL_REPLY}) or a call
 *     outcome as {@code CALL_<OUTCOME>}; the defaults follow seed 000's high- and low-intent signals
 */
@ConfigurationProperties("followthrough.score")
record ScoreSettings(Duration halfLife, Duration window, Map<String, Integer> points) {

    static final Map<String, Integer> DEFAULT_POINTS = Map.of(
            "INQUIRY", 30,
            "HOT_PAGE_VIEW", 15,
            "EMAIL_REPLY", 20,
            "EMAIL_CLICK", 8,
            "PAGE_VIEW", 2,
            "EMAIL_OPEN", 1,
            "CALL_CONNECTED", 10,
            "CALL_BAD_TIMING", 5,
            "CALL_WRONG_NUMBER", -10);

    ScoreSettings {
        halfLife = halfLife == null || halfLife.isNegative() || halfLife.isZero() ? Duration.ofDays(14) : halfLife;
        window = window == null ? Duration.ofDays(90) : window;
        var merged = new HashMap<>(DEFAULT_POINTS);
        if (points != null) {
            merged.putAll(points);
        }
        points = Map.copyOf(merged);
    }

    int pointsFor(String event) {
        return points.getOrDefault(event, 0);
    }
}
