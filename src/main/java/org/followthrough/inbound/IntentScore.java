package org.followthrough.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.followthrough.calls.Intent;
import org.followthrough.signals.SignalType;
import org.followthrough.signals.Signals;
import org.followthrough.touches.Touches;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The intent score (R22): how warm a prospect is now, from their recent signals and call outcomes,
 * each worth its points halved for every half-life of age. Explainable: the score comes with every
 * contribution that made it, and it orders the queue among calls due at the same time.
 */
@Service
@EnableConfigurationProperties(ScoreSettings.class)
public class IntentScore implements Intent {

    /**
     * One event's part in the score: its full points, its age (ISO-8601, such as {@code PT49H}) and what
     * is left of them. {@code source} is SIGNAL or CALL.
     */
    public record Contribution(
            String source, String event, String detail, Instant at, int points, String age, double decayedPoints) {}

    /** The score now, with the half-life used (ISO-8601) and every contribution, largest first. */
    public record Score(UUID prospectId, int score, Instant at, String halfLife, List<Contribution> contributions) {}

    /** Prospects scoring at least a minimum, and whether that is all of them or the most recent candidates. */
    public record AtLeast(java.util.Set<UUID> prospectIds, boolean complete) {}

    private final Signals signals;
    private final Touches touches;
    private final Triggers triggers;
    private final ScoreSettings settings;
    private final Clock clock;

    IntentScore(Signals signals, Touches touches, Triggers triggers, ScoreSettings settings, Clock clock) {
        this.signals = signals;
        this.touches = touches;
        this.triggers = triggers;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Map<UUID, Integer> scores(Collection<UUID> prospectIds) {
        var scores = new HashMap<UUID, Integer>();
        of(prospectIds).forEach((id, score) -> scores.put(id, score.score()));
        return scores;
    }

    public Score of(UUID prospectId) {
        return of(List.of(prospectId)).get(prospectId);
    }

    /** The scores of many prospects at once (two queries), for the queue. */
    public Map<UUID, Score> of(Collection<UUID> prospectIds) {
        var now = clock.instant();
        var since = now.minus(settings.window());
        var parts = new HashMap<UUID, List<Contribution>>();
        prospectIds.forEach(id -> parts.put(id, new ArrayList<>()));
        for (var seen : signals.about(prospectIds, since)) {
            var hot = seen.type() == SignalType.PAGE_VIEW
                    && triggers.hotPath(seen.url()).isPresent();
            var event = hot ? "HOT_PAGE_VIEW" : seen.type().name();
            add(parts.get(seen.prospectId()), "SIGNAL", event, seen.url(), seen.occurredAt(), now);
        }
        for (var call : touches.callsSince(prospectIds, since)) {
            add(parts.get(call.prospectId()), "CALL", "CALL_" + call.outcome(), null, call.at(), now);
        }
        var scores = new HashMap<UUID, Score>();
        parts.forEach((id, list) -> {
            list.sort(Comparator.comparingDouble((Contribution c) -> Math.abs(c.decayedPoints()))
                    .reversed());
            var total = list.stream().mapToDouble(Contribution::decayedPoints).sum();
            scores.put(
                    id,
                    new Score(
                            id,
                            (int) Math.round(total),
                            now,
                            settings.halfLife().toString(),
                            List.copyOf(list)));
        });
        return scores;
    }

    /**
     * The prospects whose score is at least {@code min} now, for the "score" filter of the prospect
     * list. Only someone with a signal or a call inside the window can score above zero, so those are
     * the candidates; the most recent {@value #CANDIDATES} of each kind are scored, and {@code complete}
     * says whether that was all of them.
     */
    static final int CANDIDATES = 5_000;

    public AtLeast atLeast(int min) {
        var since = clock.instant().minus(settings.window());
        var signalled = signals.prospectsSince(since, CANDIDATES);
        var called = touches.calledSince(since, CANDIDATES);
        var candidates = new java.util.LinkedHashSet<UUID>(signalled);
        candidates.addAll(called);
        var found = new java.util.HashSet<UUID>();
        var batch = new ArrayList<UUID>();
        for (var id : candidates) {
            batch.add(id);
            if (batch.size() == 500) {
                keep(of(batch), min, found);
                batch.clear();
            }
        }
        keep(of(batch), min, found);
        return new AtLeast(found, signalled.size() < CANDIDATES && called.size() < CANDIDATES);
    }

    private static void keep(Map<UUID, Score> scores, int min, java.util.Set<UUID> into) {
        scores.values().stream().filter(s -> s.score() >= min).forEach(s -> into.add(s.prospectId()));
    }

    private void add(List<Contribution> into, String source, String event, String detail, Instant at, Instant now) {
        var points = settings.pointsFor(event);
        if (into == null || points == 0) {
            return;
        }
        var age = at.isAfter(now) ? Duration.ZERO : Duration.between(at, now);
        var decayed = points
                * Math.pow(0.5, (double) age.toSeconds() / settings.halfLife().toSeconds());
        into.add(
                new Contribution(source, event, detail, at, points, age.toString(), Math.round(decayed * 100) / 100.0));
    }
}
