package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A cadence may say it runs alongside the others (an event invitation by email beside the calls): a
 * prospect is in at most one running cadence that does not, plus any number that do, each once.
 * Pause, resume and take-out name the cadence when there are several; without it they act on the
 * main cadence, or the only one, as they always did.
 */
@ApplicationTest
class CadencesAlongsideTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Leads leads;

    @Test
    void aCadenceSaysItRunsAlongsideAndReadsItBackWhileOthersStayTheProspectsOneCadence() {
        var manager = given.manager();
        var key = invitation(manager);
        var read = body(get(manager, "/api/v1/cadences/" + key));
        assertThat(read.get("alongside").asBoolean()).isTrue();
        assertThat(body(get(manager, "/api/v1/cadences/first-time-calls"))
                        .get("alongside")
                        .asBoolean())
                .as("left out, a cadence is the prospect's one cadence")
                .isFalse();
        var plain = "plain-" + UUID.randomUUID().toString().substring(0, 6);
        put(manager, plain, "{\"name\":\"Plain\",\"steps\":[" + EMAIL_STEP + "]}");
        assertThat(body(get(manager, "/api/v1/cadences/" + plain))
                        .get("alongside")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void anInvitationRunsBesideTheCallsOnceAndEachIsPausedResumedAndTakenOutByName() {
        var api = new EngineApi(mvc, given, json);
        var manager = given.manager();
        var rep = given.rep();
        var invitation = invitation(manager);
        var prospect = given.prospect(rep);

        assertThat(enrol(rep, prospect, "{\"cadence\":\"" + invitation + "\"}"))
                .as("a cadence that runs alongside starts beside the calls")
                .hasStatus(HttpStatus.CREATED);
        assertThat(cadences(rep, prospect)).containsExactly("first-time-calls", invitation);
        assertThat(enrol(rep, prospect, "{\"cadence\":\"" + invitation + "\"}"))
                .as("each cadence alongside at most once")
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(enrol(rep, prospect, "{\"cadence\":\"nurture\"}"))
                .as("a second main cadence is refused as before")
                .hasStatus(HttpStatus.CONFLICT);

        var timeline = api.timeline(rep, prospect);
        assertThat(timeline.get("cadences").size()).isEqualTo(2);
        assertThat(purposes(timeline))
                .as("the plan shows the steps of both cadences")
                .anyMatch(p -> p.startsWith("First-time calls"))
                .anyMatch(p -> p.contains("Event invitation"));

        assertThat(body(get(rep, "/api/v1/prospects/" + prospect.id() + "/enrolment"))
                        .get("cadence")
                        .asString())
                .as("the old single-enrolment read answers with the main cadence")
                .isEqualTo("first-time-calls");
        var paused = body(post(rep, prospect, "/enrolment/pause", "{\"reason\":\"at a trade fair\"}"));
        assertThat(paused.get("cadence").asString()).isEqualTo("first-time-calls");
        assertThat(status(rep, prospect, invitation))
                .as("pausing the main cadence leaves the invitation running")
                .isEqualTo("ACTIVE");
        assertThat(api.queue(rep, prospect)).isEmpty();

        assertThat(post(rep, prospect, "/enrolment/resume?cadence=" + invitation, null))
                .as("the invitation is not paused")
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(post(rep, prospect, "/enrolment/pause?cadence=" + invitation, "{\"reason\":\"said later\"}"))
                .hasStatusOk();
        assertThat(status(rep, prospect, invitation)).isEqualTo("PAUSED");
        var timelinePaused = api.timeline(rep, prospect);
        assertThat(timelinePaused.get("cadences").findValuesAsString("status")).containsExactly("PAUSED", "PAUSED");

        assertThat(post(rep, prospect, "/enrolment/resume", null)).hasStatusOk();
        assertThat(status(rep, prospect, "first-time-calls")).isEqualTo("ACTIVE");
        assertThat(status(rep, prospect, invitation)).isEqualTo("PAUSED");
        assertThat(api.queue(rep, prospect)).as("the calls are back").hasSize(1);

        assertThat(mvc.delete()
                        .uri("/api/v1/prospects/" + prospect.id() + "/enrolment?cadence=" + invitation)
                        .header("Authorization", given.bearer(rep))
                        .exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(cadences(rep, prospect)).containsExactly("first-time-calls");
        assertThat(api.queue(rep, prospect)).hasSize(1);
    }

    @Test
    void withSeveralAlongsideAndNoMainOneAMemberIsAskedWhichAndTheirDecisionHolds() {
        var manager = given.manager();
        var rep = given.rep();
        var first = invitation(manager);
        var second = invitation(manager);
        var prospect = given.prospect(rep);
        assertThat(mvc.delete()
                        .uri("/api/v1/prospects/" + prospect.id() + "/enrolment")
                        .header("Authorization", given.bearer(rep))
                        .exchange())
                .as("the old take-out acts on the only cadence")
                .hasStatus(HttpStatus.NO_CONTENT);
        enrol(rep, prospect, "{\"cadence\":\"" + first + "\"}");
        enrol(rep, prospect, "{\"cadence\":\"" + second + "\"}");
        assertThat(cadences(rep, prospect)).containsExactlyInAnyOrder(first, second);

        var unclear = post(rep, prospect, "/enrolment/pause", "{\"reason\":\"holiday\"}");
        assertThat(unclear).hasStatus(HttpStatus.CONFLICT);
        assertThat(text(unclear)).contains(first).contains(second).contains("?cadence=");

        for (var key : List.of(first, second)) {
            assertThat(mvc.delete()
                            .uri("/api/v1/prospects/" + prospect.id() + "/enrolment?cadence=" + key)
                            .header("Authorization", given.bearer(rep))
                            .exchange())
                    .hasStatus(HttpStatus.NO_CONTENT);
        }
        given.settled();
        leads.check();
        assertThat(cadences(rep, prospect))
                .as("taken out of every cadence by hand: the never-lose-a-lead check leaves them be (R23)")
                .isEmpty();
    }

    @Test
    void theDatabaseHoldsOneRunningMainCadenceAndEachAlongsideOnce() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        assertThatThrownBy(() -> insert(prospect, "nurture", false))
                .as("a second running main cadence")
                .isInstanceOf(DataIntegrityViolationException.class);
        insert(prospect, "event-a", true);
        insert(prospect, "event-b", true);
        assertThatThrownBy(() -> insert(prospect, "event-a", true))
                .as("the same cadence alongside twice")
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.sql("update enrolments set status = 'ENDED', active_prospect_id = null where prospect_id = ?"
                        + " and cadence_key = 'event-a' and status = 'ACTIVE'")
                .param(prospect.id())
                .update();
        insert(prospect, "event-a", true);
    }

    private void insert(Prospect prospect, String cadence, boolean alongside) {
        jdbc.sql("insert into enrolments (id, prospect_id, cadence_key, started_at, status, active_prospect_id,"
                        + " alongside, exclusive_prospect_id) values (?, ?, ?, current_timestamp, 'ACTIVE', ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        prospect.id(),
                        cadence,
                        prospect.id(),
                        alongside,
                        alongside ? null : prospect.id())
                .update();
    }

    private static final String EMAIL_STEP =
            "{\"channel\":\"EMAIL\",\"delay\":{\"amount\":2,\"unit\":\"BUSINESS_DAYS\"},\"placing\":\"EXACT\","
                    + "\"template\":\"nurture-1\"}";

    /** An email-only cadence that runs alongside the others. */
    private String invitation(Member manager) {
        var key = "event-" + UUID.randomUUID().toString().substring(0, 6);
        put(
                manager,
                key,
                "{\"name\":\"Event invitation\",\"alongside\":true,\"steps\":[" + EMAIL_STEP + "," + EMAIL_STEP + "]}");
        return key;
    }

    private void put(Member manager, String key, String definition) {
        assertThat(mvc.put()
                        .uri("/api/v1/cadences/" + key)
                        .header("Authorization", given.bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(definition))
                .hasStatusOk();
    }

    private List<String> cadences(Member member, Prospect prospect) {
        given.settled();
        var list = new ArrayList<String>();
        body(get(member, "/api/v1/prospects/" + prospect.id() + "/enrolments"))
                .forEach(e -> list.add(e.get("cadence").asString()));
        return list;
    }

    private String status(Member member, Prospect prospect, String cadence) {
        return body(get(member, "/api/v1/prospects/" + prospect.id() + "/enrolment?cadence=" + cadence))
                .get("status")
                .asString();
    }

    private static List<String> purposes(JsonNode timeline) {
        var list = new ArrayList<String>();
        timeline.get("planned").forEach(p -> list.add(p.get("purpose").asString()));
        return list;
    }

    private MvcTestResult enrol(Member member, Prospect prospect, String body) {
        given.settled();
        return post(member, prospect, "/enrolment", body);
    }

    private MvcTestResult post(Member member, Prospect prospect, String path, String body) {
        var request = mvc.post()
                .uri("/api/v1/prospects/" + prospect.id() + path)
                .header("Authorization", given.bearer(member));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }

    private MvcTestResult get(Member member, String uri) {
        return mvc.get().uri(uri).header("Authorization", given.bearer(member)).exchange();
    }

    private JsonNode body(MvcTestResult result) {
        assertThat(result.getResponse().getStatus()).as(text(result)).isBetween(200, 299);
        return json.readTree(text(result));
    }

    private static String text(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
