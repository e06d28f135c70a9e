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
                  {"channel":"EMAIL","delay":{"amount":10,"unit":"MINUTES"},"template":"ftc-email-1"}]}""";
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

    @Test
    void aStepNamingATemplateTheTeamLacksOrOfTheWrongKindIsRefusedAndNothingIsSaved() {
        var manager = given.manager();
        var key = "unknown-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        var body =
                """
                {"name":"Typo","steps":[
                  {"channel":"CALL","delay":{"amount":0,"unit":"MINUTES"},"placing":"LEGAL","template":"ftc-voicemail-1"},
                  {"channel":"EMAIL","delay":{"amount":10,"unit":"MINUTES"},"template":"ftc-emial-1"},
                  {"channel":"EMAIL","delay":{"amount":10,"unit":"MINUTES"},"template":"ftc-voicemail-2"},
                  {"channel":"VOICEMAIL","delay":{"amount":1,"unit":"DAYS"},"template":"Not A Name!"}]}""";
        var refused = assertThat(mvc.put()
                        .uri("/api/v1/cadences/" + key)
                        .header("Authorization", given.bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson();
        refused.extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("steps[1].template", "steps[2].template", "steps[3].template");
        refused.extractingPath("$.errors[0].message").asString().contains("ftc-emial-1", "no template");
        refused.extractingPath("$.errors[1].message").asString().contains("VOICEMAIL template", "EMAIL template");
        assertThat(mvc.get().uri("/api/v1/cadences/" + key).header("Authorization", given.bearer(manager)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aManagerClonesACadenceUnderANewKeyAndTheOriginalStaysAsItWas() {
        var manager = given.manager();
        var key = "ftc-copy-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        var copy = assertThat(mvc.post()
                        .uri("/api/v1/cadences/first-time-calls/clone")
                        .header("Authorization", given.bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\":\"" + key + "\"}"))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson();
        copy.extractingPath("$.key").isEqualTo(key);
        copy.extractingPath("$.name").isEqualTo("Copy of First-time calls");
        copy.extractingPath("$.steps.length()").isEqualTo(12);
        copy.extractingPath("$.steps[1].template").isEqualTo("ftc-email-1");
        copy.extractingPath("$.endStage").isEqualTo("NURTURE");

        assertThat(mvc.post()
                        .uri("/api/v1/cadences/first-time-calls/clone")
                        .header("Authorization", given.bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\":\"" + key + "\",\"name\":\"Again\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("key");
        assertThat(mvc.post()
                        .uri("/api/v1/cadences/first-time-calls/clone")
                        .header("Authorization", given.bearer(given.rep()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\":\"rep-copy\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/cadences/no-such-cadence/clone")
                        .header("Authorization", given.bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\":\"other-copy\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}
