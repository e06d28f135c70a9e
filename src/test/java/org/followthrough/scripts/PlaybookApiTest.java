package org.followthrough.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The objection playbooks: shipped for every category, read by everyone, edited by managers and admins. */
@ApplicationTest
class PlaybookApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    ObjectionPlaybooks playbooks;

    @Test
    void everyCategoryHasALaerPlaybook() {
        assertThat(mvc.get().uri("/api/v1/objections/playbooks").with(as(given.rep())))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json)
                            .extractingPath("$[*].category")
                            .asArray()
                            .containsExactly("BUDGET", "AUTHORITY", "NEED", "TIMING", "OTHER");
                    assertThat(json).extractingPath("$[0].explore").asString().contains("?");
                });
    }

    @Test
    void aManagerEditsAPlaybookAndARepCannot() {
        var original = playbooks.find(ObjectionCategory.TIMING).orElseThrow();
        var manager = given.manager();
        var body =
                """
                {"listen":"Hear the reason.","acknowledge":"Timing matters.","explore":"What would make this a priority?",
                 "respond":"Agree on a date and time."}""";
        try {
            assertThat(put("/api/v1/objections/playbooks/TIMING", body, given.rep()))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(playbooks.find(ObjectionCategory.TIMING).orElseThrow().explore())
                    .isEqualTo(original.explore());

            assertThat(put("/api/v1/objections/playbooks/TIMING", body, manager))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.updatedBy")
                    .isEqualTo(manager.email());
            assertThat(playbooks.find(ObjectionCategory.TIMING).orElseThrow().explore())
                    .isEqualTo("What would make this a priority?");
        } finally {
            playbooks.save(
                    ObjectionCategory.TIMING,
                    new ObjectionPlaybooks.Steps(
                            original.listen(), original.acknowledge(), original.explore(), original.respond()),
                    null);
        }
    }

    @Test
    void missingStepsAndUnknownCategoriesAreNamed() {
        var admin = given.admin();

        assertThat(put("/api/v1/objections/playbooks/BUDGET", "{\"listen\":\"x\",\"respond\":\" \"}", admin))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("acknowledge", "explore", "respond");
        assertThat(put("/api/v1/objections/playbooks/MOOD", "{}", admin))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("category");
    }

    private MockMvcTester.MockMvcRequestBuilder put(String uri, String body, Member member) {
        return mvc.put()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(as(member));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(Member member) {
        return httpBasic(member.email(), Given.PASSWORD);
    }
}
