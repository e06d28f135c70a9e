package org.followthrough.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.calls.Enrolment;
import org.followthrough.calls.Enrolments;
import org.followthrough.messaging.AutoReplyReceived;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** An out-of-office reply that says when its writer is back pauses their cadence until that day. */
@ApplicationTest
class OutOfOfficePausesTest {

    @Autowired
    Given given;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Enrolments enrolments;

    @Autowired
    TestClock clock;

    @BeforeEach
    void tuesdayMorning() {
        clock.set(ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, ZoneId.of("America/New_York"))
                .toInstant());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anAutoReplyWithAReturnDayPausesUntilThatDayAndOneWithoutChangesNothing() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        announce(new AutoReplyReceived("<a@x>", prospect.email(), null, null, clock.instant()));
        assertThat(enrolments.active(prospect.id()))
                .hasValueSatisfying(e -> assertThat(e.isActive()).isTrue());

        announce(new AutoReplyReceived("<b@x>", prospect.email(), null, LocalDate.of(2026, 8, 31), clock.instant()));
        assertThat(enrolments.active(prospect.id()).orElseThrow().isPaused()).isTrue();
        var paused = enrolments.active(prospect.id()).orElseThrow();
        assertThat(paused.status()).isEqualTo(Enrolment.Status.PAUSED);
        assertThat(paused.pause().reason()).isEqualTo("out of office until 2026-08-31");
        assertThat(paused.pause().until())
                .isEqualTo(ZonedDateTime.of(2026, 8, 31, 0, 0, 0, 0, ZoneId.of("America/New_York"))
                        .toInstant());

        // a second auto-reply while paused leaves the pause as it is
        announce(new AutoReplyReceived("<c@x>", prospect.email(), null, LocalDate.of(2026, 9, 7), clock.instant()));
        assertThat(enrolments.active(prospect.id()).orElseThrow().pause().until())
                .isEqualTo(paused.pause().until());
    }

    /**
     * Publishes the event as the mailbox reader does, in a transaction, so the event publication
     * registry carries it to the listeners; returns once they have handled it.
     */
    private void announce(AutoReplyReceived reply) {
        transactions.executeWithoutResult(status -> events.publishEvent(reply));
        given.settled();
    }
}
