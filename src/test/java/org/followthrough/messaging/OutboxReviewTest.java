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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A cadence email marked "review before sending" waits for its rep, who opens it, edits it and sends
 * it, or skips it; another rep cannot reach it.
 */
@ApplicationTest
class OutboxReviewTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    Enrolments enrolments;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReviewedDraftWaitsForItsRepWhoEditsAndSendsItOrSkipsIt() throws Exception {
        var manager = given.manager();
        assertThat(
                        mvc.put()
                                .uri("/api/v1/cadences/reviewed-email")
                                .header("Authorization", given.bearer(manager))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"name\":\"Reviewed\",\"steps\":[{\"channel\":\"EMAIL\",\"delay\":{\"amount\":0,"
                                                + "\"unit\":\"MINUTES\",\"from\":\"START\"},\"template\":\"ftc-email-1\",\"review\":true}]}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.steps[0].review")
                .isEqualTo(true);
        var rep = given.rep();
        var sent = draftFor(rep);
        var skipped = draftFor(rep);
        assertThat(status(sent)).as("a draft is never sent by itself").isEqualTo("REVIEW");

        assertThat(mvc.get().uri("/api/v1/outbox/review").header("Authorization", given.bearer(rep)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].id")
                .asArray()
                .contains(sent.toString(), skipped.toString());
        var stranger = given.rep();
        assertThat(mvc.get().uri("/api/v1/outbox/" + sent + "/email").header("Authorization", given.bearer(stranger)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/api/v1/outbox/" + sent + "/send").header("Authorization", given.bearer(stranger)))
                .hasStatus(HttpStatus.NOT_FOUND);

        var opened = assertThat(
                        mvc.get().uri("/api/v1/outbox/" + sent + "/email").header("Authorization", given.bearer(rep)))
                .hasStatusOk()
                .bodyJson();
        opened.extractingPath("$.status").isEqualTo("REVIEW");
        opened.extractingPath("$.replyTo").asString().contains(rep.email());
        opened.extractingPath("$.body").asString().isNotBlank();

        assertThat(patch(rep, sent, "{\"subject\":\" \",\"body\":\"x\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("subject");
        assertThat(patch(rep, sent, "{\"subject\":\"A note before our call\",\"body\":\"Hi,\\n\\nSee you soon.\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.subject")
                .isEqualTo("A note before our call");
        assertThat(mvc.post().uri("/api/v1/outbox/" + sent + "/send").header("Authorization", given.bearer(rep)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("PENDING");

        var session = signIn(rep);
        var page = mvc.get()
                .uri("/outbox/" + skipped)
                .session(session)
                .accept(MediaType.TEXT_HTML)
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Send now")
                .contains("Skip this email");
        var skip = mvc.post()
                .uri("/outbox/" + skipped)
                .session(session)
                .with(csrf())
                .param("action", "skip")
                .exchange();
        assertThat(skip).hasStatus3xxRedirection();
        assertThat(status(skipped)).isEqualTo("CANCELLED");
        assertThat(mvc.post().uri("/api/v1/outbox/" + skipped + "/send").header("Authorization", given.bearer(rep)))
                .as("a skipped email cannot be sent")
                .hasStatus(HttpStatus.CONFLICT);
    }

    private UUID draftFor(Member rep) {
        Prospect p = given.prospect(rep);
        startWhenEnrolled(() -> enrolments.start(p.id(), "reviewed-email", java.time.Instant.now()));
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

    private org.springframework.test.web.servlet.assertj.MvcTestResult patch(Member member, UUID id, String body) {
        return mvc.patch()
                .uri("/api/v1/outbox/" + id)
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
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

    /**
     * Starts a cadence once the first-time calls a new prospect is put in (after its creating
     * transaction, on another thread) are in place: the two would otherwise race for the one running
     * enrolment.
     */
    static void startWhenEnrolled(Runnable start) {
        for (int attempt = 1; ; attempt++) {
            try {
                start.run();
                return;
            } catch (org.springframework.dao.DataIntegrityViolationException race) {
                if (attempt == 10) {
                    throw race;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw race;
                }
            }
        }
    }
}
