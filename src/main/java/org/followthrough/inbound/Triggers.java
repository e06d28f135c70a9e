package org.followthrough.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.Stage;
import org.followthrough.signals.Signal;
import org.followthrough.signals.SignalReceived;
import org.followthrough.touches.Touches;
import org.springframework.stereotype.Component;

/**
 * Trigger events (R20): a visit to a hot page (pricing, demo, contact by default), a click in an email,
 * or a new inquiry from someone gone cold puts a TRIGGER call at the top of the owner's queue, with what
 * happened and how the signal was matched, and tells the owner at once. One open trigger call per
 * prospect: a further event rewrites its reason instead of adding a second call. Which pages are hot is
 * {@link HotPages}' to say. A page that is not hot
 * and an email open only count for the intent score.
 */
@Component
class Triggers {

    /** A prospect nobody has spoken to for this long is cold: their inquiry is a trigger, not an inbound call. */
    static final Duration COLD_AFTER = Duration.ofDays(30);

    private final Prospects prospects;
    private final RaisedCalls calls;
    private final Touches touches;
    private final Clock clock;
    private final MeterRegistry meters;
    private final HotPages hotPages;

    Triggers(
            Prospects prospects,
            RaisedCalls calls,
            Touches touches,
            Clock clock,
            MeterRegistry meters,
            HotPages hotPages) {
        this.prospects = prospects;
        this.calls = calls;
        this.touches = touches;
        this.clock = clock;
        this.meters = meters;
        this.hotPages = hotPages;
    }

    /** A page view or a click, as {@link Inquiries} hands it on: one stored listener for every signal. */
    void react(SignalReceived received) {
        var signal = received.signal();
        var what =
                switch (signal.type()) {
                    case PAGE_VIEW ->
                        hotPath(signal.url()).map(path -> "Visited " + path).orElse(null);
                    case EMAIL_CLICK -> signal.url() == null ? "Clicked a link in an email" : "Clicked " + signal.url();
                    default -> null;
                };
        if (what == null || !received.match().found()) {
            return;
        }
        prospects.byIdLocked(received.match().prospectId()).ifPresent(p -> {
            if (raise(
                            p,
                            what + " " + ago(signal) + " (matched by "
                                    + received.match().how() + ")")
                    != null) {
                meters.timer(Inquiries.LATENCY).record(Duration.between(received.receivedAt(), clock.instant()));
            }
        });
    }

    /** The URL's path when it contains one of the hot-page patterns. */
    Optional<String> hotPath(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            var path = URI.create(url).getPath();
            var lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
            return hotPages.current().patterns().stream().anyMatch(lower::contains)
                    ? Optional.of(path)
                    : Optional.empty();
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }

    /** Whether an inquiry from this prospect is a trigger event: they said no, are nurtured, or went cold. */
    boolean cold(Prospect p) {
        if (p.stage() == Stage.NURTURE || p.stage() == Stage.LOST) {
            return true;
        }
        var last = touches.lastAt(p.id()).orElse(p.createdAt());
        return last.isBefore(clock.instant().minus(COLD_AFTER));
    }

    /** Raises (or retells) the prospect's trigger call and tells the owner; the task's id, null for do-not-call. */
    UUID raise(Prospect p, String reason) {
        return calls.trigger(p, reason);
    }

    String ago(Signal s) {
        var minutes = Duration.between(s.occurredAt(), clock.instant()).toMinutes();
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 120) {
            return minutes + " minute" + (minutes == 1 ? "" : "s") + " ago";
        }
        var hours = minutes / 60;
        return hours < 48 ? hours + " hours ago" : (hours / 24) + " days ago";
    }
}
