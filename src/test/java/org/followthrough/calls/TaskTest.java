package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.followthrough.common.Refusal;
import org.junit.jupiter.api.Test;

/** A task's life: open until its call is logged or its plan changes, then never open again. */
class TaskTest {

    final Instant due = Instant.parse("2026-08-20T14:00:00Z");

    Task open() {
        return new Task(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                2,
                null,
                TaskKind.FIRST_TIME_CALL,
                due,
                "First-time calls: call 2 of 6",
                "ftc-voicemail-2",
                Task.Status.OPEN);
    }

    @Test
    void loggingItsCallCompletesIt() {
        var task = open();
        var done = task.complete(due.plusSeconds(60));
        assertThat(done.now().status()).isEqualTo(Task.Status.DONE);
        assertThat(done.event())
                .isEqualTo(new TaskDone(task.id(), task.prospectId(), task.ownerId(), due.plusSeconds(60)));
    }

    @Test
    void anInquiryRaisesItAsAnotherKindOfCallKeepingItsPlaceInTheCadence() {
        var task = open();
        var raised = task.raise(TaskKind.INBOUND, due.minusSeconds(3600), "Web inquiry just now", "Pat Lee");
        assertThat(raised.now().kind()).isEqualTo(TaskKind.INBOUND);
        assertThat(raised.now().dueAt()).isEqualTo(due.minusSeconds(3600));
        assertThat(raised.now().stepN()).isEqualTo(2);
        assertThat(raised.now().isOpen()).isTrue();
        assertThat(raised.event().prospectName()).isEqualTo("Pat Lee");
    }

    @Test
    void aDoneOrCancelledTaskIsNeverOpenedOrClosedAgain() {
        var done = open().complete(due).now();
        var cancelled = open().cancel(due).now();
        for (var closed : new Task[] {done, cancelled}) {
            assertThatThrownBy(() -> closed.complete(due))
                    .isInstanceOf(Refusal.class)
                    .hasMessageContaining(closed.status().name());
            assertThatThrownBy(() -> closed.cancel(due)).isInstanceOf(Refusal.class);
            assertThatThrownBy(() -> closed.raise(TaskKind.TRIGGER, due, "Visited /pricing", "Pat"))
                    .isInstanceOf(Refusal.class);
            assertThatThrownBy(() -> closed.retell(due, "again")).isInstanceOf(Refusal.class);
        }
    }
}
