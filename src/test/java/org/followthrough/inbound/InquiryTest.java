package org.followthrough.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.Stage;
import org.followthrough.signals.WebhookSignature;
import org.followthrough.team.Member;
import org.followthrough.team.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Speed to lead: an inquiry puts a call at the top of the owner's queue at once and tells them live. */
@ApplicationTest
class InquiryTest {

    static final Instant TUESDAY_9AM = ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, ZoneId.of("America/New_York"))
            .toInstant();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    ObjectMapper json;

    @Autowired
    Prospects prospects;

    @Autowired
    Team team;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Value("${local.server.port}")
    int port;

    @BeforeEach
    void tuesdayMorning() {
        clock.set(TUESDAY_9AM);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anInquiryFromSomeoneNewBecomesAProspectWithAnInboundCallDueNowAtTheTopOfTheirOwnersQueue() throws Exception {
        var email = "new-lead-" + UUID.randomUUID().toString().substring(0, 8) + "@prospect.example";
        long timed = meters.timer("followthrough.inquiry.to.task").count();
        inquiry(email, "+1 312 555 0188", "Please call me about pricing");

        var prospect = await(() -> prospects.byEmail(email).orElse(null));
        assertThat(prospect.fullName()).isEqualTo("Robin Lead");
        assertThat(prospect.timeZone()).isEqualTo(ZoneId.of("America/Chicago"));
        var owner = team.member(prospect.ownerId()).orElseThrow();
        var top = await(() -> {
            for (var item : queue(owner)) {
                if (item.get("prospectId").asString().equals(prospect.id().toString())) {
                    return item.get("kind").asString().equals("INBOUND") ? item : null;
                }
                // only an appointment due now or another fresh inquiry comes before it (R7, R11)
                assertThat(item.get("kind").asString()).isIn("APPOINTMENT", "INBOUND");
            }
            return null;
        });
        assertThat(top.get("prospectName").asString()).isEqualTo("Robin Lead");
        assertThat(top.get("reason").asString()).contains("Web inquiry", "pricing");
        assertThat(Instant.parse(top.get("dueAt").asString())).isEqualTo(TUESDAY_9AM);
        assertThat(top.get("label").asString()).isEqualTo("FTC #1");
        assertThat(meters.timer("followthrough.inquiry.to.task").count()).isGreaterThan(timed);
    }

    @Test
    void anInquiryFromAProspectBeingWorkedBringsTheirNextCallForwardAndTellsTheOwnerLive() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        assertThat(mvc.post()
                        .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"NO_ANSWER\"}"))
                .hasStatus(HttpStatus.CREATED);
        var stream = listen(rep);

        inquiry(prospect.email(), null, "Can we talk today?");

        var event = stream.get(10, TimeUnit.SECONDS);
        assertThat(event).contains("event:inbound", prospect.id().toString(), "Can we talk today?");
        var top = queue(rep).get(0);
        assertThat(top.get("kind").asString()).isEqualTo("INBOUND");
        assertThat(top.get("label").asString()).isEqualTo("FTC #2");
        assertThat(Instant.parse(top.get("dueAt").asString())).isEqualTo(TUESDAY_9AM);
        assertThat(queue(rep).size())
                .as("the cadence's next call was raised, not doubled")
                .isEqualTo(1);
    }

    @Test
    void anInquiryFromANurturedProspectIsATriggerCall() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        assertThat(mvc.post()
                        .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"NURTURE\"}}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(prospects.byId(prospect.id()).orElseThrow().stage()).isEqualTo(Stage.NURTURE);
        assertThat(queue(rep).size()).isZero();

        inquiry(prospect.email(), null, "We have budget now");

        var top = await(() -> {
            var queue = queue(rep);
            return queue.isEmpty() ? null : queue.get(0);
        });
        assertThat(top.get("kind").asString()).isEqualTo("TRIGGER");
        assertThat(top.get("reason").asString()).contains("budget");
    }

    @Test
    void aRepWhoAskedForEmailAlertsAlsoHearsOfTheInquiryByEmailAndOthersDoNot() throws Exception {
        var wants = given.rep();
        var doesNot = given.rep();
        var asked = mvc.put()
                .uri("/api/v1/users/me/email-alerts")
                .header("Authorization", given.bearer(wants))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":true}")
                .exchange();
        assertThat(asked)
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.enabled")
                .isEqualTo(true);
        var hers = given.prospect(wants);
        var his = given.prospect(doesNot);

        inquiry(hers.email(), null, "Can we talk about pricing?");
        inquiry(his.email(), null, "Send me a quote");

        var alert = await(() -> jdbc.sql("select subject, body from outbox where to_address = ?")
                .param(wants.email())
                .query((rs, i) -> rs.getString("subject") + "\n" + rs.getString("body"))
                .optional()
                .orElse(null));
        // the inquiry's own name for her is now her name
        var name = prospects.byId(hers.id()).orElseThrow().fullName();
        assertThat(alert)
                .startsWith("New web inquiry: call " + name + " now")
                .contains("Can we talk about pricing?")
                .contains("/prospects/" + hers.id() + "/call");
        // his inquiry was handled too (its call raised), and still no alert went to him
        await(() -> queue(doesNot).toString().contains(his.id().toString()) ? true : null);
        assertThat(jdbc.sql("select count(*) from outbox where to_address = ?")
                        .param(doesNot.email())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void inquiry(String email, String phone, String message) {
        var body =
                """
                {"id":"form-%s","type":"INQUIRY","occurredAt":"2026-08-18T08:59:00-04:00","email":"%s",
                 "name":"Robin Lead","company":"Lead Co","message":"%s"%s}"""
                        .formatted(
                                UUID.randomUUID(), email, message, phone == null ? "" : ",\"phone\":\"" + phone + "\"");
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(mvc.post()
                        .uri("/api/v1/signals")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(
                                WebhookSignature.HEADER,
                                WebhookSignature.sign(bytes, "test-webhook-secret", clock.instant()))
                        .content(bytes))
                .hasStatus(HttpStatus.ACCEPTED);
    }

    /** Opens the member's live stream and completes with everything read up to the first inbound event. */
    private CompletableFuture<String> listen(Member member) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/notifications"))
                .header("Authorization", given.bearer(member))
                .header("Accept", "text/event-stream")
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        var lines = response.body().iterator();
        assertThat(lines.next()).startsWith("event:hello");
        return CompletableFuture.supplyAsync(() -> {
            var seen = new StringBuilder();
            while (lines.hasNext()) {
                var line = lines.next();
                seen.append(line).append('\n');
                if (line.startsWith("data:") && seen.toString().contains("event:inbound")) {
                    return seen.toString();
                }
            }
            return seen.toString();
        });
    }

    private JsonNode queue(Member member) {
        try {
            var result = mvc.get()
                    .uri("/api/v1/queue")
                    .header("Authorization", given.bearer(member))
                    .exchange();
            return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the probe finds once the engine's listeners have handled the inquiry. */
    private <T> T await(java.util.function.Supplier<T> probe) {
        given.settled();
        T value = probe.get();
        assertThat(value).as("once the listeners have handled it").isNotNull();
        return value;
    }
}
