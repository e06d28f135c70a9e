package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.calls.Enrolments;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A "review before sending" step becomes a task in its rep's queue, "Approve email to …", which
 * opens the draft to edit and send or skip; approving it from the outbox completes it too, and
 * nobody else's queue holds it.
 */
@ApplicationTest
class EmailApprovalsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    Enrolments enrolments;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReviewedEmailIsATaskInItsRepsQueueDoneFromTheQueueOrFromTheOutbox() throws Exception {
        var manager = given.manager();
        assertThat(
                        mvc.put()
                                .uri("/api/v1/cadences/approved-email")
                                .header("Authorization", given.bearer(manager))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"name\":\"Approved first\",\"steps\":[{\"channel\":\"EMAIL\",\"delay\":{\"amount\":0,"
                                                + "\"unit\":\"MINUTES\",\"from\":\"START\"},\"template\":\"ftc-email-1\",\"review\":true}]}"))
                .hasStatusOk();
        var rep = given.rep();
        var fromQueue = given.prospect(rep);
        var fromOutbox = given.prospect(rep);
        var skipped = given.prospect(rep);
        var viaQueue = draftFor(fromQueue);
        var viaOutbox = draftFor(fromOutbox);
        var viaSkip = draftFor(skipped);

        assertThat(mvc.get().uri("/api/v1/queue/approvals").header("Authorization", given.bearer(rep)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].label")
                .asArray()
                .contains(
                        "Approve email to " + fromQueue.fullName(),
                        "Approve email to " + fromOutbox.fullName(),
                        "Approve email to " + skipped.fullName());
        assertThat(mvc.get().uri("/api/v1/queue/approvals").header("Authorization", given.bearer(given.rep())))
                .as("another rep's queue")
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$")
                .asArray()
                .isEmpty();

        var session = signIn(rep);
        var today = page(session, "/today");
        assertThat(today)
                .contains("Emails to approve (3)")
                .contains("Approve email to " + fromQueue.fullName())
                .contains("href=\"/outbox/" + viaQueue + "\"");
        assertThat(page(session, "/outbox/" + viaQueue))
                .as("the task opens the draft to edit and send")
                .contains("Send now")
                .contains("Skip this email");
        assertThat(mvc.post()
                        .uri("/outbox/" + viaQueue)
                        .session(session)
                        .with(csrf())
                        .param("action", "send")
                        .param("subject", "Before our call")
                        .param("body", "Hi,\n\nA short note before we speak.")
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(status(viaQueue)).isEqualTo("PENDING");

        assertThat(mvc.post().uri("/api/v1/outbox/" + viaOutbox + "/send").header("Authorization", given.bearer(rep)))
                .as("approved from the outbox")
                .hasStatusOk();
        assertThat(mvc.post().uri("/api/v1/outbox/" + viaSkip + "/skip").header("Authorization", given.bearer(rep)))
                .hasStatusOk();

        assertThat(mvc.get().uri("/api/v1/queue/approvals").header("Authorization", given.bearer(rep)))
                .as("each task is done however its email was approved or skipped")
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$")
                .asArray()
                .isEmpty();
        assertThat(page(session, "/today")).doesNotContain("Emails to approve").doesNotContain("Approve email to");
    }

    private UUID draftFor(Prospect p) {
        OutboxReviewTest.startWhenEnrolled(() -> enrolments.start(p.id(), "approved-email", java.time.Instant.now()));
        return jdbc.sql(
                        "select id from outbox where prospect_id = ? and dedupe_key like 'enrolment/%/1' and status = 'REVIEW'")
                .param(p.id())
                .query(UUID.class)
                .single();
    }

    private String status(UUID id) {
        return jdbc.sql("select status from outbox where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private String page(MockHttpSession session, String uri) throws Exception {
        var result =
                mvc.get().uri(uri).session(session).accept(MediaType.TEXT_HTML).exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession signIn(Member member) {
        var signedIn = mvc.post()
                .uri("/login")
                .with(csrf())
                .param("username", member.email())
                .param("password", Given.PASSWORD)
                .exchange();
        return (MockHttpSession) signedIn.getRequest().getSession();
    }
}
