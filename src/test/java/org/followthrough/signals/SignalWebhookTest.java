package org.followthrough.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Signals arrive by signed webhook, once each, and bad ones are refused with a reason. */
@ApplicationTest
class SignalWebhookTest {

    static final String SECRET = "test-webhook-secret";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestClock clock;

    @Autowired
    Given given;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aSignedInquiryIsStoredAndAnnounced() {
        var id = "form-" + UUID.randomUUID();
        var body = inquiry(id);

        assertThat(post(body, WebhookSignature.sign(bytes(body), SECRET, clock.instant())))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson()
                .extractingPath("$.duplicate")
                .isEqualTo(false);

        var stored = jdbc.sql("select id, type, email, raw_body from signals where external_id = ?")
                .param(id)
                .query((rs, row) -> new String[] {
                    rs.getString("id"), rs.getString("type"), rs.getString("email"), rs.getString("raw_body")
                })
                .single();
        assertThat(stored[1]).isEqualTo("INQUIRY");
        assertThat(stored[2]).isEqualTo("pat.lee@acme.example");
        assertThat(stored[3]).as("the body exactly as signed").isEqualTo(body);
        // announced: the module that acts on inquiries made the person a prospect
        given.after(() -> jdbc.sql("select id from prospects where email = ?")
                .param("pat.lee@acme.example")
                .query(String.class)
                .optional()
                .orElse(null));
    }

    @Test
    void aRepeatedDeliveryIsAcceptedAndChangesNothing() throws Exception {
        var id = "form-" + UUID.randomUUID();
        var body = inquiry(id);
        var first = post(body, WebhookSignature.sign(bytes(body), SECRET, clock.instant()))
                .exchange();
        var firstId = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.signalId");

        var again = assertThat(post(body, WebhookSignature.sign(bytes(body), SECRET, clock.instant())))
                .hasStatus(HttpStatus.OK)
                .bodyJson();
        again.extractingPath("$.duplicate").isEqualTo(true);
        again.extractingPath("$.signalId")
                .as("the id of the signal stored the first time")
                .isEqualTo(firstId);

        assertThat(storedUnder(jdbc, id)).isEqualTo(1);
    }

    @Test
    void aWrongSignatureOrAMissingOneIsRefusedWithoutStoringAnything() {
        var id = "form-" + UUID.randomUUID();
        var body = inquiry(id);

        assertThat(post(body, WebhookSignature.sign(bytes(body), "another-secret", clock.instant())))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("does not match");
        assertThat(post(body.replace("Pat", "Eve"), WebhookSignature.sign(bytes(body), SECRET, clock.instant())))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(post(body, null)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(post(body, "v1=abc")).hasStatus(HttpStatus.UNAUTHORIZED);

        assertThat(storedUnder(jdbc, id)).isZero();
    }

    @Test
    void aSignatureMoreThanFiveMinutesOldIsRefusedSoRequestsCannotBeReplayed() {
        clock.set(Instant.parse("2026-09-01T10:00:00Z"));
        var body = inquiry("form-" + UUID.randomUUID());
        var signature = WebhookSignature.sign(bytes(body), SECRET, clock.instant());

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(post(body, signature))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("5 minutes");
    }

    @Test
    void badFieldsAreNamedInProblemDetails() {
        var body =
                """
                {"id":"x-1","type":"PAGE_VISIT","occurredAt":"2026-09-01T10:00:00Z","email":"pat"}""";
        assertThat(post(body, WebhookSignature.sign(bytes(body), SECRET, clock.instant())))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("type", "PAGE_VIEW");

        var noMatch =
                """
                {"id":"x-2","type":"PAGE_VIEW","occurredAt":"2026-09-01T10:00:00Z","email":"pat","url":"javascript:alert(1)"}""";
        assertThat(post(noMatch, WebhookSignature.sign(bytes(noMatch), SECRET, clock.instant())))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("email", "url");

        var broken = "{\"id\":";
        assertThat(post(broken, WebhookSignature.sign(bytes(broken), SECRET, clock.instant())))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.title")
                .isEqualTo("Malformed JSON");
    }

    @Test
    void aBodyOver64KilobytesIsRefusedBeforeItIsRead() {
        var body = inquiry("big-" + UUID.randomUUID()).replace("Please call me about pricing", "x".repeat(70_000));
        assertThat(post(body, WebhookSignature.sign(bytes(body), SECRET, clock.instant())))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void receivedAndRejectedSignalsAreCounted() {
        var received = meters.counter("followthrough.signals.received", "type", "INQUIRY", "duplicate", "false");
        var rejected = meters.counter("followthrough.signals.rejected", "reason", "signature");
        double receivedBefore = received.count();
        double rejectedBefore = rejected.count();
        var body = inquiry("counted-" + UUID.randomUUID());

        assertThat(post(body, WebhookSignature.sign(bytes(body), SECRET, clock.instant())))
                .hasStatus(HttpStatus.ACCEPTED);
        assertThat(post(body, WebhookSignature.sign(bytes(body), "wrong-secret", clock.instant())))
                .hasStatus(HttpStatus.UNAUTHORIZED);

        assertThat(received.count()).isEqualTo(receivedBefore + 1);
        assertThat(rejected.count()).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void aBatchIsStoredTogetherWithAReceiptForEachSignalInItsOrder() throws Exception {
        var run = UUID.randomUUID().toString();
        var earlier = "view-" + run + "-0";
        var first = pageView(earlier, run);
        assertThat(post(first, WebhookSignature.sign(bytes(first), SECRET, clock.instant())))
                .hasStatus(HttpStatus.ACCEPTED);
        var batch = "[" + pageView("view-" + run + "-1", run) + ",\n " + pageView(earlier, run) + ", "
                + pageView("view-" + run + "-2", run) + "]";

        var answer = assertThat(post(batch, WebhookSignature.sign(bytes(batch), SECRET, clock.instant())))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson();

        answer.extractingPath("$.receipts[*].duplicate").isEqualTo(java.util.List.of(false, true, false));
        assertThat(jdbc.sql("select count(*) from signals where url like ?")
                        .param("%/" + run + "/%")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select raw_body from signals where external_id = ?")
                        .param("view-" + run + "-2")
                        .query(String.class)
                        .single())
                .as("each signal of a batch keeps its own element")
                .contains("view-" + run + "-2")
                .doesNotContain("view-" + run + "-1");
    }

    @Test
    void aBatchWithOneWrongSignalIsRefusedWholeNamingWhereAndStoresNothing() {
        var run = UUID.randomUUID().toString();
        var batch = "[" + pageView("view-" + run + "-1", run) + ","
                + pageView("view-" + run + "-2", run).replace("visitor@example.com", "not-an-email") + "]";

        assertThat(post(batch, WebhookSignature.sign(bytes(batch), SECRET, clock.instant())))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("[1].email");
        assertThat(jdbc.sql("select count(*) from signals where url like ?")
                        .param("%/" + run + "/%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** How many signals are stored under this sender id: 1 once accepted, never more. */
    static long storedUnder(JdbcClient jdbc, String externalId) {
        return jdbc.sql("select count(*) from signals where external_id = ?")
                .param(externalId)
                .query(Long.class)
                .single();
    }

    private String pageView(String id, String run) {
        return """
                {"id":"%s","type":"PAGE_VIEW","occurredAt":"%s","email":"visitor@example.com","url":"https://www.example.com/%s/blog"}"""
                .formatted(id, clock.instant(), run);
    }

    private MockMvcTester.MockMvcRequestBuilder post(String body, String signature) {
        var request = mvc.post()
                .uri("/api/v1/signals")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return signature == null ? request : request.header(WebhookSignature.HEADER, signature);
    }

    private static String inquiry(String id) {
        return """
                {"id":"%s","type":"INQUIRY","occurredAt":"2026-09-01T09:58:00-04:00","email":"Pat.Lee@acme.example",
                 "name":"Pat Lee","company":"Acme","message":"Please call me about pricing"}"""
                .formatted(id);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
