package org.followthrough.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Kill -9 the server while timed actions are due, start it again on the same database: nothing is
 * lost, nothing is done twice, and the overdue work is done within 60 seconds of the restart.
 */
class CrashRecoveryIT {

    static final int PROBES = 2_000;

    @Test
    void timedWorkSurvivesAKillAndIsDoneOnceSoonAfterTheRestart() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "crash-recovery-" + System.currentTimeMillis())
                .toAbsolutePath());
        String run;
        try (var first = new RunningServer(data, "first").start()) {
            run = first.post("/api/v1/admin/timed-actions/probes", "{\"count\":" + PROBES + ",\"withinSeconds\":20}")
                    .get("runId")
                    .asString();
            awaitRan(first, run, PROBES / 4, Duration.ofSeconds(60));
            first.kill();
        }
        try (var second = new RunningServer(data, "second")) {
            long restart = System.nanoTime();
            second.start();
            var report = awaitRan(second, run, PROBES, Duration.ofSeconds(90));
            var recovery = Duration.ofNanos(System.nanoTime() - restart);
            System.out.printf(
                    "crash recovery: %d of %d done, %d done twice, %d repeats skipped, all done %d ms after the restart%n",
                    report.get("ran").asLong(),
                    PROBES,
                    report.get("ranMoreThanOnce").asLong(),
                    report.get("repeatsSkipped").asLong(),
                    recovery.toMillis());

            assertThat(report.get("ran").asLong()).as("actions done").isEqualTo(PROBES);
            assertThat(report.get("ranMoreThanOnce").asLong())
                    .as("actions done twice")
                    .isZero();
            assertThat(recovery)
                    .as("time from restart until all overdue work was done")
                    .isLessThanOrEqualTo(Duration.ofSeconds(60));
        }
    }

    private static JsonNode awaitRan(RunningServer server, String run, int atLeast, Duration timeout) throws Exception {
        var deadline = System.nanoTime() + timeout.toNanos();
        var report = server.get("/api/v1/admin/timed-actions/probes/" + run);
        while (report.get("ran").asLong() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(200);
            report = server.get("/api/v1/admin/timed-actions/probes/" + run);
        }
        return report;
    }
}
