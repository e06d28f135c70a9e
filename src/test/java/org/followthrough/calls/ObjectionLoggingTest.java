package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.ObjectMapper;

/** Objections logged with a call (R17): stored by BANT category whatever the case, OTHER when none is given. */
@ApplicationTest
class ObjectionLoggingTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void aCategoryInAnyCaseIsStoredAsTheCategoryAndNoneIsOther() throws Exception {
        var rep = given.rep();

        assertThat(stored(rep, "{\"category\":\" budget \",\"text\":\" Too expensive this year \"}"))
                .isEqualTo("BUDGET: Too expensive this year");
        assertThat(stored(rep, "{\"category\":\"Timing\"}")).isEqualTo("TIMING: null");
        assertThat(stored(rep, "{\"text\":\"We use a competitor\"}")).isEqualTo("OTHER: We use a competitor");
        assertThat(stored(rep, "{}")).isEqualTo("null: null");
    }

    @Test
    void anUnknownCategoryOrATextOverAThousandCharactersIsRefusedSayingWhatToFix() {
        var rep = given.rep();
        var prospect = given.prospect(rep);

        assertThat(log(rep, prospect.id(), "{\"category\":\"mood\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("objection.category");
        assertThat(log(rep, prospect.id(), "{\"category\":\"NEED\",\"text\":\"" + "x".repeat(1001) + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(problem -> {
                    assertThat(problem).extractingPath("$.errors[0].field").isEqualTo("objection.text");
                    assertThat(problem)
                            .extractingPath("$.errors[0].message")
                            .asString()
                            .contains("at most 1000 characters", "1001");
                });
        assertThat(jdbc.sql("select count(*) from touches where prospect_id = ?")
                        .param(prospect.id())
                        .query(Long.class)
                        .single())
                .as("nothing is logged")
                .isZero();
        assertThat(log(rep, prospect.id(), "{\"category\":\"NEED\",\"text\":\"" + "x".repeat(1000) + "\"}"))
                .hasStatus(HttpStatus.CREATED);
    }

    private String stored(Member rep, String objection) throws Exception {
        var prospect = given.prospect(rep);
        var logged = log(rep, prospect.id(), objection);
        assertThat(logged).hasStatus(HttpStatus.CREATED);
        var touchId = UUID.fromString(json.readTree(logged.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .get("touchId")
                .asString());
        return jdbc.sql("select objection_category, objection_text from touches where id = ?")
                .param(touchId)
                .query((rs, i) -> rs.getString(1) + ": " + rs.getString(2))
                .single();
    }

    private MvcTestResult log(Member rep, UUID prospect, String objection) {
        return mvc.post()
                .uri("/api/v1/prospects/" + prospect + "/calls")
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"NO_ANSWER\",\"objection\":" + objection + "}")
                .exchange();
    }
}
