package org.followthrough.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** POST /api/v1/scripts/check as the public contract describes it. */
@ApplicationTest
class ScriptCheckApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Test
    void findingsComeWithRuleMessageExcerptAndSuggestion() {
        var rep = given.rep();

        assertThat(check(
                        rep.email(),
                        "{\"kind\":\"OPENER\",\"text\":\"Hi Debbie, I'm calling to see if you had any questions.\"}"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json)
                            .extractingPath("$.findings[*].rule")
                            .asArray()
                            .containsExactly("blunder.any-questions", "opener.missing-name", "opener.missing-company");
                    assertThat(json)
                            .extractingPath("$.findings[0].excerpt")
                            .isEqualTo("Hi Debbie, I'm calling to see if you had any questions.");
                    assertThat(json)
                            .extractingPath("$.findings[0].message")
                            .asString()
                            .isNotBlank();
                    assertThat(json)
                            .extractingPath("$.findings[0].suggestion")
                            .asString()
                            .isNotBlank();
                });
    }

    @Test
    void theRepsOwnNameCountsInAnOpener() {
        var rep = given.rep();
        var text = "Hi Debbie, this is " + rep.fullName() + " calling from FollowThrough about the renewal.";

        assertThat(check(rep.email(), "{\"kind\":\"OPENER\",\"text\":\"" + text + "\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.findings")
                .asArray()
                .isEmpty();
    }

    @Test
    void questionsGetRewrites() {
        var rep = given.rep();

        assertThat(check(rep.email(), "{\"kind\":\"QUESTIONS\",\"text\":\"Are you happy with your vendor?\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.findings[0].suggestion")
                .isEqualTo("Ask instead: \"How do you feel about your vendor today?\"");
    }

    @Test
    void missingOrUnknownKindAndEmptyTextAreNamed() {
        var rep = given.rep();

        assertThat(check(rep.email(), "{\"text\":\"\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("kind", "text");
        assertThat(check(rep.email(), "{\"kind\":\"SONG\",\"text\":\"la\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("kind");
        assertThat(mvc.post()
                        .uri("/api/v1/scripts/check")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"EMAIL\",\"text\":\"x\"}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private MockMvcTester.MockMvcRequestBuilder check(String email, String body) {
        return mvc.post()
                .uri("/api/v1/scripts/check")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(httpBasic(email, Given.PASSWORD));
    }
}
