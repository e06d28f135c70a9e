package org.followthrough.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Cadences are data a manager edits; the preview says exactly what the engine would do. */
@ApplicationTest
class CadenceApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Test
    void theFourBuiltInCadencesAreThere() {
        var json = assertThat(mvc.get().uri("/api/v1/cadences").header("Authorization", given.bearer(given.rep())))
                .hasStatusOk()
                .bodyJson();
        json.extractingPath("$[*].key")
                .asArray()
                .contains("first-time-calls", "missed-appointment", "post-sale", "nurture");
    }

    @Test
    void aManagerWritesACadenceAndARepMayNot() {
        var body =
                """
                {"name":"Webinar follow-up","endStage":"NURTURE","steps":[
                  {"channel":"CALL","delay":{"amount":1,"unit":"BUSINESS_DAYS","from":"START"},"placing":"BEST_WINDOW"},
                  {"channel":"EMAIL","delay":{"amount":10,"unit":"MINUTES"},"template":"webinar-thanks"}]}""";
        assertThat(mvc.put()
                        .uri("/api/v1/cadences/webinar")
                        .header("Authorization", given.bearer(given.rep()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.FORBIDDEN);
        var manager = given.manager();
        assertThat(mvc.put()
                        .uri("/api/v1/cadences/webinar")
                        .header("Authorization", given.bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.steps[1].n")
                .isEqualTo(2);
        var preview = mvc.post()
                .uri("/api/v1/cadences/preview")
                .header("Authorization", given.bearer(manager))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"cadence\":\"webinar\",\"start\":\"2026-08-21T15:00\",\"timeZone\":\"Europe/Berlin\","
                        + "\"country\":\"DE\"}");
        var json = assertThat(preview).hasStatusOk().bodyJson();
        // Friday afternoon + 1 business day is Monday; the best window that day or Tuesday
        json.extractingPath("$.steps[0].label").isEqualTo("Follow-up #1");
        json.extractingPath("$.steps[0].at").asString().startsWith("2026-08-2");
        json.extractingPath("$.steps[1].channel").isEqualTo("EMAIL");
        json.extractingPath("$.end.stage").isEqualTo("NURTURE");
    }

    @Test
    void aBadCadenceIsRefusedNamingEachProblem() {
        assertThat(mvc.put()
                        .uri("/api/v1/cadences/Bad Key")
                        .header("Authorization", given.bearer(given.manager()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"steps\":[{\"channel\":\"EMAIL\",\"delay\":{\"amount\":-1,\"unit\":"
                                + "\"HOURS\"}}],\"endStage\":\"HEAVEN\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("key", "name", "steps[0].delay.amount", "steps[0].template", "endStage");
    }

    @Test
    void aPreviewWithAnUnknownZoneSaysWhatToFix() {
        assertThat(
                        mvc.post()
                                .uri("/api/v1/cadences/preview")
                                .header("Authorization", given.bearer(given.rep()))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"cadence\":\"first-time-calls\",\"start\":\"2026-08-18T09:00\",\"timeZone\":\"Mars/Base\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("timeZone");
    }
}
