package org.followthrough.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.messaging.EmailStatus;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutboxEntry;
import org.followthrough.messaging.WithMailServers;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Automated email leaves only in the prospect's business hours (08:00–18:00 their time) on their
 * business days, one a day per prospect, on a test clock with a real SMTP server: a call logged in
 * New York's morning plans an email for Tokyo's night, which waits for Tokyo's morning and says so;
 * six attempts logged within minutes send one email that day.
 */
@ApplicationTest
class SendWindowsTest extends WithMailServers {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    Outbox outbox;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anEmailPlannedForTheProspectsNightWaitsForTheirMorningAndSaysWhy() throws Exception {
        clock.set(ZonedDateTime.of(2026, 8, 18, 22, 0, 0, 0, TOKYO).toInstant()); // 09:00 in New York
        var rep = given.repWithPhone("+1 212 555 0100");
        var prospect = given.prospect(rep, "+81 3 5555 0147", "JP");
        assertThat(prospect.timeZone()).isEqualTo(TOKYO);
        log(rep, prospect, "{\"outcome\":\"NO_ANSWER\"}");

        var planned = automated(prospect);
        assertThat(planned).singleElement().satisfies(e -> {
            assertThat(e.dueAt())
                    .isEqualTo(
                            ZonedDateTime.of(2026, 8, 18, 22, 10, 0, 0, TOKYO).toInstant());
            assertThat(e.nextAttemptAt()).isEqualTo(tokyo(19, 8, 0));
        });
        assertThat(outbox.holdReasons(List.of(planned.get(0).id()))
                        .get(planned.get(0).id()))
                .isEqualTo("goes at 08:00 Wed 19 Aug their time: outside business hours (08:00–18:00 their time)");

        for (var night : List.of(tokyo(18, 22, 10), tokyo(19, 3, 0), tokyo(19, 7, 59))) {
            clock.set(night);
            deliverDue();
            assertThat(receivedBy(prospect.email()))
                    .as("nothing at %s their time", night)
                    .isEmpty();
        }
        clock.set(tokyo(19, 8, 0));
        deliverDue();
        assertThat(receivedBy(prospect.email())).hasSize(1);
        assertThat(receivedBy(prospect.email())
                        .get(0)
                        .getSentDate()
                        .toInstant()
                        .atZone(TOKYO)
                        .getHour())
                .isBetween(8, 17);
    }

    @Test
    void sixAttemptsLoggedWithinMinutesSendOneEmailThatDay() throws Exception {
        clock.set(newYork(18, 9, 0));
        var rep = given.repWithPhone("+1 212 555 0100");
        var prospect = given.prospect(rep);
        for (int attempt = 1; attempt <= 6; attempt++) {
            log(rep, prospect, "{\"outcome\":\"NO_ANSWER\"}");
            clock.advance(java.time.Duration.ofSeconds(1));
        }
        assertThat(automated(prospect)).as("an email planned for each attempt").hasSizeGreaterThan(1);

        for (var during : List.of(newYork(18, 9, 20), newYork(18, 12, 0), newYork(18, 17, 59))) {
            clock.set(during);
            deliverDue();
        }
        assertThat(receivedBy(prospect.email()))
                .as("one automated email on the day")
                .hasSize(1);
        var held = outbox.list(EmailStatus.PENDING, prospect.id(), 0, 20);
        assertThat(held).isNotEmpty().allSatisfy(e -> assertThat(e.nextAttemptAt())
                .isAfterOrEqualTo(newYork(19, 8, 0)));
        assertThat(outbox.holdReasons(held.stream().map(OutboxEntry::id).toList())
                        .values())
                .allSatisfy(
                        reason -> assertThat(reason).endsWith("one automated email a day, and today's went already"));

        clock.set(newYork(19, 8, 0));
        deliverDue();
        clock.set(newYork(19, 17, 0));
        deliverDue();
        assertThat(receivedBy(prospect.email())).as("and one the next day").hasSize(2);
    }

    private List<OutboxEntry> automated(Prospect prospect) {
        return outbox.list(null, prospect.id(), 0, 50).stream()
                .filter(e -> e.dedupeKey().startsWith("enrolment/"))
                .toList();
    }

    private void log(Member rep, Prospect prospect, String call) {
        assertThat(mvc.post()
                        .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(call))
                .hasStatus(HttpStatus.CREATED);
    }

    static Instant tokyo(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 8, day, hour, minute, 0, 0, TOKYO).toInstant();
    }

    static Instant newYork(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 8, day, hour, minute, 0, 0, NEW_YORK).toInstant();
    }
}
