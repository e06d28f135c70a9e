package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.ObjectMapper;

/**
 * A member puts a prospect in any cadence by hand, moves them to another or takes them out, with the
 * rules automatic enrolment keeps: do-not-call, opt-out, one running cadence per prospect.
 */
@ApplicationTest
class EnrolByHandTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    ObjectMapper json;

    @Test
    void aRepMovesTheirProspectToAnotherCadenceTakesThemOutAndPutsThemBack() {
        var api = new EngineApi(mvc, given, json);
        var rep = given.rep();
        var prospect = given.prospect(rep);
        assertThat(status(enrol(rep, prospect, "{\"cadence\":\"nurture\"}")))
                .as("one running cadence per prospect")
                .isEqualTo(HttpStatus.CONFLICT.value());

        var moved = api.body(enrol(rep, prospect, "{\"cadence\":\"nurture\",\"replace\":true}"));
        assertThat(moved.get("cadence").asString()).isEqualTo("nurture");
        assertThat(api.queue(rep, prospect))
                .as("the first-time call left the queue")
                .isEmpty();

        assertThat(status(mvc.delete()
                        .uri("/api/v1/prospects/" + prospect.id() + "/enrolment")
                        .header("Authorization", given.bearer(rep))
                        .exchange()))
                .isEqualTo(HttpStatus.NO_CONTENT.value());
        assertThat(status(api.get(rep, "/api/v1/prospects/" + prospect.id() + "/enrolment")))
                .isEqualTo(HttpStatus.NOT_FOUND.value());
        assertThat(api.timeline(rep, prospect).get("planned").size()).isZero();

        var back = enrol(rep, prospect, "{\"cadence\":\"first-time-calls\"}");
        assertThat(back).hasStatus(HttpStatus.CREATED);
        assertThat(api.queue(rep, prospect)).hasSize(1);
    }

    @Test
    void aManagerPutsAProspectInACadenceTheTeamMadeAndItsFirstCallIsQueued() {
        var api = new EngineApi(mvc, given, json);
        var manager = given.manager();
        var rep = given.rep();
        var key = "webinar-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(mvc.put()
                        .uri("/api/v1/cadences/" + key)
                        .header("Authorization", given.bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"name\":\"Webinar follow-up\",\"steps\":[{\"channel\":\"CALL\",\"delay\":{\"amount\":0,"
                                        + "\"unit\":\"MINUTES\"},\"placing\":\"LEGAL\"}]}"))
                .hasStatusOk();
        var prospect = given.prospect(rep);
        var enrolled = api.body(enrol(manager, prospect, "{\"cadence\":\"" + key + "\",\"replace\":true}"));
        assertThat(enrolled.get("cadenceName").asString()).isEqualTo("Webinar follow-up");
        var queue = api.queue(rep, prospect);
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).get("reason").asString()).contains("Webinar follow-up");
    }

    @Test
    void doNotCallOptedOutStrangersAndUnknownCadencesAreRefusedSayingWhy() {
        var api = new EngineApi(mvc, given, json);
        var rep = given.rep();
        var prospect = given.prospect(rep);
        patch(rep, prospect, "{\"doNotCall\":true}");
        var refused = enrol(rep, prospect, "{\"cadence\":\"first-time-calls\",\"replace\":true}");
        assertThat(refused).hasStatus(422);
        assertThat(api.body(refused).get("detail").asString()).contains("do-not-call");
        assertThat(enrol(rep, prospect, "{\"cadence\":\"nurture\",\"replace\":true}"))
                .hasStatus(HttpStatus.CREATED);

        var optedOut = given.prospect(rep);
        patch(rep, optedOut, "{\"emailOptOut\":true}");
        assertThat(enrol(rep, optedOut, "{\"cadence\":\"nurture\",\"replace\":true}"))
                .hasStatus(422);

        assertThat(enrol(rep, optedOut, "{\"cadence\":\"no-such-cadence\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("cadence");
        assertThat(enrol(given.rep(), optedOut, "{\"cadence\":\"nurture\",\"replace\":true}"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    /**
     * As a client is told to: a 409 "cadence changed meanwhile" (the engine's own reaction to a change just
     * made, such as do-not-call, running at the same moment) is read again and retried, a few times.
     */
    private MvcTestResult enrol(Member member, Prospect prospect, String body) {
        for (int attempt = 1; ; attempt++) {
            var result = mvc.post()
                    .uri("/api/v1/prospects/" + prospect.id() + "/enrolment")
                    .header("Authorization", given.bearer(member))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .exchange();
            boolean meanwhile = result.getResponse().getStatus() == 409
                    && new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8)
                            .contains("changed meanwhile");
            if (!meanwhile || attempt == 20) {
                return result;
            }
            given.settled(); // the engine's reaction that changed the cadence meanwhile is done: retry now
        }
    }

    private void patch(Member member, Prospect prospect, String body) {
        assertThat(mvc.patch()
                        .uri("/api/v1/prospects/" + prospect.id())
                        .header("Authorization", given.bearer(member))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatusOk();
    }

    private static int status(MvcTestResult result) {
        return result.getResponse().getStatus();
    }
}
