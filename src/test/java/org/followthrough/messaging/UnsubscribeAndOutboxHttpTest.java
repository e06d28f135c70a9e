package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Unsubscribing from a link without an account, and the outbox as managers and admins see it. */
@ApplicationTest
@RecordApplicationEvents
class UnsubscribeAndOutboxHttpTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    Outbox outbox;

    @Autowired
    UnsubscribeLinks links;

    @Autowired
    Delivery delivery;

    @Autowired
    ApplicationEvents events;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void oneClickUnsubscribeOptsTheProspectOutAndCancelsWhatWaits() {
        var prospect = UUID.randomUUID();
        var waiting = outbox.enqueue(nurtureEmail(prospect));

        assertThat(mvc.post().uri("/api/v1/unsubscribe/" + links.token(prospect)))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(outbox.find(waiting).orElseThrow().status()).isEqualTo(EmailStatus.CANCELLED);
        assertThat(events.stream(EmailOptOutRequested.class))
                .anyMatch(e -> e.prospectId().equals(prospect));
    }

    @Test
    void theUnsubscribePageAsksFirstAndOptsOutOnTheButton() {
        var prospect = UUID.randomUUID();
        var page = "/unsubscribe/" + links.token(prospect);

        assertThat(mvc.get().uri(page)).hasStatusOk().bodyText().contains("Do you want to stop receiving email");
        assertThat(events.stream(EmailOptOutRequested.class))
                .noneMatch(e -> e.prospectId().equals(prospect));

        assertThat(mvc.post().uri(page).with(csrf())).hasStatusOk().bodyText().contains("You will get no more email");
        assertThat(events.stream(EmailOptOutRequested.class))
                .anyMatch(e -> e.prospectId().equals(prospect));
    }

    @Test
    void aForgedTokenOptsNobodyOut() {
        var prospect = UUID.randomUUID();
        var genuine = links.token(prospect);
        var forged = genuine.substring(0, genuine.indexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";

        assertThat(mvc.post().uri("/api/v1/unsubscribe/" + forged)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/api/v1/unsubscribe/not-a-token")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/unsubscribe/" + forged))
                .hasStatusOk()
                .bodyText()
                .contains("not valid");
        assertThat(events.stream(EmailOptOutRequested.class)).isEmpty();
    }

    @Test
    void withoutSmtpEmailWaitsInTheOutboxWhereManagersSeeIt() {
        var admin = given.admin();
        var to = "check-" + UUID.randomUUID() + "@example.com";
        assertThat(mvc.post()
                        .uri("/api/v1/admin/outbox/test")
                        .with(httpBasic(admin.email(), Given.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"" + to + "\",\"count\":2}"))
                .hasStatus(HttpStatus.ACCEPTED);

        assertThat(delivery.deliverDue()).isZero();

        var manager = given.manager();
        assertThat(mvc.get()
                        .uri("/api/v1/outbox?status=PENDING&size=500")
                        .with(httpBasic(manager.email(), Given.PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[?(@.to == '" + to + "')].status")
                .asArray()
                .containsExactly("PENDING", "PENDING");
    }

    @Test
    void repsDoNotReadTheOutboxAndTestEmailNeedsAnAddress() {
        var rep = given.rep();
        assertThat(mvc.get().uri("/api/v1/outbox").with(httpBasic(rep.email(), Given.PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);

        var admin = given.admin();
        assertThat(mvc.post()
                        .uri("/api/v1/admin/outbox/test")
                        .with(httpBasic(admin.email(), Given.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"nobody\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("to");
    }

    @Test
    void managersSendAFailedEmailAgainAndRepsMayNot() {
        var id = outbox.enqueue(nurtureEmail(UUID.randomUUID()));
        jdbc.sql("update outbox set status = 'FAILED', attempts = 8 where id = ?")
                .param(id)
                .update();
        var manager = given.manager();

        assertThat(mvc.post()
                        .uri("/api/v1/outbox/" + id + "/retry")
                        .with(httpBasic(given.rep().email(), Given.PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/v1/outbox/" + id + "/retry").with(httpBasic(manager.email(), Given.PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("PENDING");
                    assertThat(json).extractingPath("$.attempts").isEqualTo(0);
                });
        assertThat(mvc.post().uri("/api/v1/outbox/" + id + "/retry").with(httpBasic(manager.email(), Given.PASSWORD)))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("FAILED", "PENDING");
        assertThat(mvc.post()
                        .uri("/api/v1/outbox/" + UUID.randomUUID() + "/retry")
                        .with(httpBasic(manager.email(), Given.PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    private static OutgoingEmail nurtureEmail(UUID prospect) {
        return new OutgoingEmail(
                "nurture/" + prospect + "/1",
                prospect,
                new Recipient("Pat", "pat-" + prospect + "@prospect.example"),
                null,
                "An idea for your team",
                "Hello Pat\n",
                java.time.Instant.now().plusSeconds(3600),
                true,
                null);
    }
}
