package org.followthrough.analytics;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.followthrough.calendar.BestTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Teaches the engine the team's best times (R4, R19): from the calls of the last 90 days by the
 * prospects' local weekday and hour (appointment calls left out: the prospect chose their time), at
 * start and then every quarter of an hour ({@code followthrough.best-times.relearn-every}; zero turns
 * it off). Every instance learns for
 * itself, since what it learns is kept in its memory; all read the same counts, so they agree once
 * each has relearnt.
 */
@Component
@EnableConfigurationProperties(LearningSettings.class)
class BestTimesLearning implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BestTimesLearning.class);

    static final Duration PERIOD = Duration.ofDays(Numbers.DEFAULT_DAYS);

    private final CallHours callHours;
    private final BestTimes bestTimes;
    private final Clock clock;
    private final Duration every;
    private ScheduledExecutorService timer;

    BestTimesLearning(CallHours callHours, BestTimes bestTimes, Clock clock, LearningSettings settings) {
        this.callHours = callHours;
        this.bestTimes = bestTimes;
        this.clock = clock;
        this.every = settings.relearnEvery();
    }

    /** Learns from the team's calls now: what the timer does, and what a test calls. */
    void relearn() {
        var now = clock.instant();
        var calls = new long[7][24];
        var connected = new long[7][24];
        for (var c : callHours.between(now.minus(PERIOD), now, null)) {
            if (c.atAgreedTime()) {
                continue;
            }
            calls[c.weekday().ordinal()][c.hour()] += c.calls();
            connected[c.weekday().ordinal()][c.hour()] += c.connected();
        }
        boolean before = bestTimes.learnedFromTheTeam();
        bestTimes.learn(calls, connected);
        if (before != bestTimes.learnedFromTheTeam()) {
            log.info(
                    "Best times to call now come from {}: {}",
                    bestTimes.learnedFromTheTeam() ? "the team's calls" : "R4's priors",
                    bestTimes.windowStarts());
        }
    }

    @Override
    public void start() {
        if (every.isZero() || every.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "best-times-learning");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::relearnQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void relearnQuietly() {
        try {
            relearn();
        } catch (RuntimeException e) {
            log.warn("Could not learn the best times to call this time; the last ones stay: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
