package org.followthrough.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.cadence.Cadence;
import org.followthrough.cadence.Cadences;
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
 * One automated email per prospect per day unless the cadence says otherwise: a cadence that allows
 * two a day (set through the API or the editor, 1 to 10) sends a prospect two on the same day and
 * holds the third until their next morning, on a test clock with a real SMTP server; a value out of
 * range is refused naming the field.
 */
@ApplicationTest
class EmailsPerDayTest extends WithMailServers {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    Outbox outbox;

    @Autowired
    Cadences cadences;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCadenceThatAllowsTwoADaySendsTwoOnOneDayAndHoldsTheThird() throws Exception {
        clock.set(newYork(18, 9, 0));
        var manager = given.manager();
        var key = "two-a-day-" + UUID.randomUUID().toString().substring(0, 8);
        var ftc = cadences.get(Cadence.FIRST_TIME_CALLS);
        var steps = ftc.steps().stream()
                .map(s -> new Cadences.StepDefinition(s.channel(), s.delay(), s.placing(), s.template()))
                .toList();
        cadences.put(manager.asActor(), key, new Cadences.Definition("Two a day", steps, ftc.endStage(), 2));
        assertThat(mvc.get().uri("/api/v1/cadences/" + key).header("Authorization", given.bearer(manager)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.emailsPerDay")
                .isEqualTo(2);

        var rep = given.repWithPhone("+1 212 555 0100");
        var prospect = given.prospect(rep);
        assertThat(mvc.post()
                        .uri("/api/v1/prospects/" + prospect.id() + "/enrolment")
                        .header("Authorization", given.bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cadence\":\"" + key + "\",\"replace\":true}"))
                .hasStatus(HttpStatus.CREATED);
        for (int attempt = 1; attempt <= 6; attempt++) {
            log(rep, prospect);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(automated(prospect)).as("an email planned for each attempt").hasSizeGreaterThan(2);

        for (var during : List.of(newYork(18, 9, 20), newYork(18, 12, 0), newYork(18, 17, 59))) {
            clock.set(during);
            deliverDue();
        }
        assertThat(receivedBy(prospect.email()))
                .as("the two automated emails the cadence allows on one day")
                .hasSize(2);
        var held = outbox.list(EmailStatus.PENDING, prospect.id(), 0, 20);
        assertThat(held).isNotEmpty().allSatisfy(e -> assertThat(e.nextAttemptAt())
                .isAfterOrEqualTo(newYork(19, 8, 0)));
        assertThat(outbox.holdReasons(held.stream().map(OutboxEntry::id).toList())
                        .values())
                .allSatisfy(
                        reason -> assertThat(reason).endsWith("2 automated emails a day, and today's went already"));
    }

    @Test
    void theApiAndTheEditorTakeOneToTenAndRefuseTheRestNamingTheField() {
        var manager = given.manager();
        var key = "per-day-" + UUID.randomUUID().toString().substring(0, 8);
        var body =
                """
                {"name":"Per day","steps":[
                  {"channel":"EMAIL","delay":{"amount":10,"unit":"MINUTES"},"template":"ftc-email-1"}],"emailsPerDay":%s}""";
        assertThat(mvc.put()
                        .uri("/api/v1/cadences/" + key)
                        .header("Authorization", given.bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("0")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("emailsPerDay")
                .contains("must be between 1 and 10");
        assertThat(mvc.put()
                        .uri("/api/v1/cadences/" + key)
                        .header("Authorization", given.bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("3")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.emailsPerDay")
                .isEqualTo(3);
        assertThat(mvc.get().uri("/cadences/" + key).with(httpBasic(manager.email(), Given.PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .contains("name=\"emailsPerDay\"")
                .contains("value=\"3\"");

        assertThat(editor(manager, key, "eleven"))
                .hasStatusOk()
                .bodyText()
                .contains("must be a whole number such as 2");
        assertThat(editor(manager, key, "11")).hasStatusOk().bodyText().contains("must be between 1 and 10");
        assertThat(cadences.get(key).emailsPerDay()).isEqualTo(3);
        assertThat(editor(manager, key, "")).hasStatus3xxRedirection();
        assertThat(cadences.find(key).orElseThrow().emailsPerDay())
                .as("empty: the installation's cap")
                .isNull();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult editor(
            Member manager, String key, String perDay) {
        return mvc.post()
                .uri("/cadences/" + key)
                .with(httpBasic(manager.email(), Given.PASSWORD))
                .with(csrf())
                .param("name", "Per day")
                .param("endStage", "")
                .param("emailsPerDay", perDay)
                .param("channel", "EMAIL")
                .param("amount", "10")
                .param("unit", "MINUTES")
                .param("from", "PREVIOUS")
                .param("placing", "EXACT")
                .param("template", "ftc-email-1")
                .param("variants", "")
                .param("review", "")
                .exchange();
    }

    private List<OutboxEntry> automated(Prospect prospect) {
        return outbox.list(null, prospect.id(), 0, 50).stream()
                .filter(e -> e.dedupeKey().startsWith("enrolment/"))
                .toList();
    }

    private void log(Member rep, Prospect prospect) {
        assertThat(mvc.post()
                        .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"NO_ANSWER\"}"))
                .hasStatus(HttpStatus.CREATED);
    }

    static Instant newYork(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 8, day, hour, minute, 0, 0, NEW_YORK).toInstant();
    }
}
