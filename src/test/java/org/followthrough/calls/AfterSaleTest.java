package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.messaging.EmailStatus;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutboxEntry;
import org.followthrough.team.Member;
import org.followthrough.team.NewMember;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.ObjectMapper;

/**
 * After the sale (R24): a week, a month and a quarter on, an email in the team's post-sale wording
 * and a check-in call the next business day; a check-in that connects needs no next step and the
 * cadence goes on to the next one.
 */
@ApplicationTest
class AfterSaleTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    ObjectMapper json;

    @Autowired
    Outbox outbox;

    @Autowired
    Team team;

    @Autowired
    Tasks tasks;

    EngineApi api;

    @BeforeEach
    void tuesdayMorning() {
        api = new EngineApi(mvc, given, json);
        clock.set(at(2026, 8, 18, 9, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void eachCheckInIsAnEmailThenACallAndAConnectedCheckInMovesTheCadenceOn() {
        var rep = repWithPhone();
        var customer = given.prospect(rep);
        assertThat(api.log(rep, customer, "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"WON\"}}"))
                .hasStatus(HttpStatus.CREATED);

        var week = pending(customer.id());
        assertThat(week.subject()).isEqualTo("Your first week, Pat");
        assertThat(week.dueAt()).isEqualTo(at(2026, 8, 25, 9, 0)); // five business days on
        var firstCall = api.queue(rep, customer);
        assertThat(firstCall).singleElement().satisfies(task -> {
            assertThat(task.get("kind").asString()).isEqualTo("POST_SALE");
            assertThat(task.get("reason").asString()).isEqualTo("After the sale: call 1 of 3");
            assertThat(Instant.parse(task.get("dueAt").asString())).isEqualTo(at(2026, 8, 26, 16, 0));
        });

        clock.set(at(2026, 8, 26, 16, 0));
        assertThat(api.log(rep, customer, "{\"outcome\":\"CONNECTED\",\"notes\":\"all well\"}"))
                .as("a check-in that connects needs no next step")
                .hasStatus(HttpStatus.CREATED);
        var month = pending(customer.id());
        assertThat(month.subject()).startsWith("One month in");
        assertThat(month.dueAt()).isEqualTo(at(2026, 9, 17, 9, 0)); // 21 business days, Labor Day skipped
        assertThat(tasks.openFor(customer.id())).singleElement().satisfies(task -> {
            assertThat(task.reason()).isEqualTo("After the sale: call 2 of 3");
            assertThat(task.dueAt()).isEqualTo(at(2026, 9, 18, 11, 0));
        });

        clock.set(at(2026, 9, 18, 11, 0));
        assertThat(api.log(rep, customer, "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"WON\"}}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(pending(customer.id()).subject()).startsWith("A quarter with");
        assertThat(tasks.openFor(customer.id()))
                .as("WON again goes on with the cadence rather than starting it over")
                .singleElement()
                .satisfies(task -> assertThat(task.reason()).isEqualTo("After the sale: call 3 of 3"));
    }

    /** The customer's latest waiting email. */
    private OutboxEntry pending(UUID prospectId) {
        return outbox.list(EmailStatus.PENDING, prospectId, 0, 10).stream()
                .max(Comparator.comparing(OutboxEntry::dueAt))
                .orElseThrow();
    }

    private Member repWithPhone() {
        var id = UUID.randomUUID().toString().substring(0, 8);
        return team.register(new NewMember(
                "rep-" + id + "@example.com", "Riley Stone " + id, Role.REP, Given.PASSWORD, "+1 212 555 0100", null));
    }

    static Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, NEW_YORK).toInstant();
    }
}
