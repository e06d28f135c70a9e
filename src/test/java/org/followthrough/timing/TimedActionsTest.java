package org.followthrough.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@ApplicationTest
class TimedActionsTest {

    @Autowired
    TimedActions actions;

    @Autowired
    PunctualityProbes probes;

    @Autowired
    Scheduler scheduler;

    @Autowired
    TestClock clock;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void actionsRunWhenTheApplicationClockReachesTheirTimeExactlyOnce() throws InterruptedException {
        var tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        clock.set(tomorrow);
        var run = probes.start(25, Duration.ZERO);
        assertThat(probes.report(run).ran()).isZero();

        clock.advance(Duration.ofSeconds(8));
        var report = awaitAllRan(run);

        assertThat(report.ran()).isEqualTo(25);
        assertThat(report.ranMoreThanOnce()).isZero();
        // due 5 s after the start, run when the clock said 8 s: lateness is measured on the application's clock
        assertThat(report.p50()).isBetween(2_500L, 3_500L);
    }

    @Test
    void schedulingTheSameActionAgainMovesIt() {
        var key = UUID.randomUUID() + ":0";
        var inAnHour = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        actions.schedule(new TimedAction("probe", key, inAnHour, null));
        actions.schedule(new TimedAction("probe", key, inAnHour.plus(Duration.ofHours(1)), "moved"));

        assertThat(actions.find("probe", key)).hasValueSatisfying(a -> {
            assertThat(a.dueAt()).isEqualTo(inAnHour.plus(Duration.ofHours(1)));
            assertThat(a.payload()).isEqualTo("moved");
        });
        actions.cancel("probe", key);
        assertThat(actions.find("probe", key)).isEmpty();
    }

    @Test
    void onlyAdministratorsRunProbes() {
        var body = "{\"count\":1,\"withinSeconds\":0}";
        assertThat(mvc.post()
                        .uri("/api/v1/admin/timed-actions/probes")
                        .with(httpBasic(given.manager().email(), Given.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/admin/timed-actions/probes")
                        .with(httpBasic(given.admin().email(), Given.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson()
                .extractingPath("$.scheduled")
                .isEqualTo(1);
    }

    @Test
    void aProbeRunNeedsASensibleSize() {
        assertThat(mvc.post()
                        .uri("/api/v1/admin/timed-actions/probes")
                        .with(httpBasic(given.admin().email(), Given.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"count\":0,\"withinSeconds\":0}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("count");
    }

    @Test
    void anActionRemovedBetweenTheLookAndTheMoveIsScheduledAfresh() {
        var key = UUID.randomUUID().toString();
        var dueAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        actions.schedule(new TimedAction("race-probe", key, dueAt, null));
        // another transaction takes the action away just after this one saw that it exists
        var removedOnce = new java.util.concurrent.atomic.AtomicBoolean();
        var racing = (com.github.kagkarlsson.scheduler.SchedulerClient) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {com.github.kagkarlsson.scheduler.SchedulerClient.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(scheduler, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if ("scheduleIfNotExists".equals(method.getName())
                            && Boolean.FALSE.equals(result)
                            && removedOnce.compareAndSet(false, true)) {
                        scheduler.cancel(com.github.kagkarlsson.scheduler.task.TaskInstanceId.of(
                                TimedActionTask.NAME, "race-probe/" + key));
                    }
                    return result;
                });

        new TimedActions(racing).schedule(new TimedAction("race-probe", key, dueAt.plus(Duration.ofDays(1)), null));

        assertThat(removedOnce).isTrue();
        assertThat(actions.find("race-probe", key))
                .as("scheduled again at its new time")
                .hasValueSatisfying(a -> assertThat(a.dueAt()).isEqualTo(dueAt.plus(Duration.ofDays(1))));
        actions.cancel("race-probe", key);
    }

    private PunctualityProbes.Report awaitAllRan(UUID run) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        var report = probes.report(run);
        while (report.pending() > 0 && System.nanoTime() < deadline) {
            scheduler.triggerCheckForDueExecutions();
            Thread.sleep(100);
            report = probes.report(run);
        }
        return report;
    }
}
