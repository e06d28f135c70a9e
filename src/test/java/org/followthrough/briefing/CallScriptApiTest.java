package org.followthrough.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.ProspectFields;
import org.followthrough.team.Member;
import org.followthrough.team.NewMember;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The script for a prospect's next call through the API: a first-call opening and FTC #n's own
 * voicemail until the prospect is reached, then the follow-up opener built from the last
 * conversation, voicemails M1 and M2 around a missed appointment, and the decision-role warning.
 */
@ApplicationTest
class CallScriptApiTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    ObjectMapper json;

    @Autowired
    Team team;

    @Autowired
    org.followthrough.prospects.Prospects prospects;

    @BeforeEach
    void tuesdayMorning() {
        clock.set(at(2026, 8, 18, 9, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void untilTheProspectIsReachedEachAttemptGetsTheFirstCallOpeningAndItsOwnVoicemail() throws Exception {
        var rep = repWithPhone();
        var prospect = given.prospect(rep);

        var first = script(rep, prospect);
        assertThat(first.get("label").asString()).isEqualTo("FTC #1");
        assertThat(first.get("opening").asString())
                .startsWith("Hi Pat, this is " + rep.fullName() + " from "
                        + team.organisation().name() + ".")
                .endsWith("Then we'll determine the next steps, if any. How does that sound?");
        assertThat(first.get("voicemail").get("template").asString()).isEqualTo("ftc-voicemail-1");
        assertThat(first.get("voicemail").get("text").asString())
                .contains(rep.fullName())
                .contains("+1 212 555 0100")
                .doesNotContain("{{");
        assertThat(first.get("questions").size()).isGreaterThan(2);
        assertThat(first.get("playbooks").size()).isEqualTo(5);

        log(rep, prospect, "{\"outcome\":\"NO_ANSWER\"}");
        var second = script(rep, prospect);
        assertThat(second.get("label").asString()).isEqualTo("FTC #2");
        assertThat(second.get("voicemail").get("template").asString()).isEqualTo("ftc-voicemail-2");
        assertThat(second.get("voicemail").get("text").asString())
                .isNotEqualTo(first.get("voicemail").get("text").asString());
    }

    @Test
    void afterAConnectionTheOpenerRemindsOfTheLastConversationAndAMissedAppointmentGetsM1ThenM2() throws Exception {
        var rep = repWithPhone();
        var prospect = given.prospect(rep);
        assertThat(log(
                        rep,
                        prospect,
                        "{\"outcome\":\"CONNECTED\",\"pains\":[\"late deliveries\"],\"gains\":[\"fewer refunds\"],"
                                + "\"promises\":[\"you were going to pull last month's delivery numbers\"],"
                                + "\"nextStep\":{\"appointmentAt\":\"2026-08-20T16:00:00-04:00\","
                                + "\"agenda\":\"review the delivery numbers\"}}"))
                .hasStatus(HttpStatus.CREATED);

        var atTheAppointment = script(rep, prospect);
        assertThat(atTheAppointment.get("label").asString()).isEqualTo("Follow-up #1");
        assertThat(atTheAppointment.get("opening").asString())
                .contains("Last we spoke, we discussed late deliveries, and you were going to pull last month's"
                        + " delivery numbers.")
                .endsWith("I also had another idea that might be of interest to you. Is now still a good time?");
        assertThat(atTheAppointment.get("agenda").asString()).contains("review the delivery numbers");
        assertThat(atTheAppointment.get("lastConversation").get("pains").get(0).asString())
                .isEqualTo("late deliveries");
        assertThat(atTheAppointment.get("lastConversation").get("promises").size())
                .isEqualTo(1);
        assertThat(atTheAppointment.get("voicemail").get("template").asString()).isEqualTo("missed-appointment-1");
        assertThat(atTheAppointment.get("voicemail").get("text").asString()).contains("4:00 PM");

        clock.set(at(2026, 8, 20, 16, 2));
        log(rep, prospect, "{\"outcome\":\"VOICEMAIL\"}");
        var retry = script(rep, prospect);
        assertThat(retry.get("label").asString()).isEqualTo("Follow-up #2");
        assertThat(retry.get("voicemail").get("template").asString()).isEqualTo("missed-appointment-2");
    }

    @Test
    void aCallThatBelongsToNoAppointmentLeavesTheFollowUpVoicemailAndNotAPastAppointmentsAgenda() throws Exception {
        var rep = repWithPhone();
        var prospect = given.prospect(rep);
        log(
                rep,
                prospect,
                "{\"outcome\":\"CONNECTED\",\"pains\":[\"late deliveries\"],\"nextStep\":{"
                        + "\"appointmentAt\":\"2026-08-20T16:00:00-04:00\",\"agenda\":\"review the delivery numbers\"}}");
        clock.set(at(2026, 8, 20, 16, 0));
        assertThat(log(
                        rep,
                        prospect,
                        "{\"outcome\":\"CONNECTED\",\"pains\":[\"late deliveries\"],\"nextStep\":{\"stage\":\"WON\"}}"))
                .hasStatus(HttpStatus.CREATED);

        var postSale = script(rep, prospect);
        assertThat(postSale.get("voicemail").get("template").asString()).isEqualTo("follow-up-voicemail-1");
        assertThat(postSale.get("voicemail").get("text").asString())
                .contains("Last we spoke, we discussed late deliveries")
                .doesNotContain("4:00 PM", "appointment");
        assertThat(postSale.get("agenda").asString()).doesNotContain("review the delivery numbers");
    }

    @Test
    void whenOnlyAnInfoGathererWasSpokenWithTheScriptAsksForTheDecisionMakers() throws Exception {
        var rep = repWithPhone();
        var gatherer = given.prospect(rep);
        assertThat(mvc.patch()
                        .uri("/api/v1/prospects/" + gatherer.id())
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decisionRole\":\"INFO_GATHERER\"}"))
                .hasStatusOk();
        log(rep, gatherer, connectedWithAppointment("2026-08-20T16:00:00-04:00"));
        var warned = script(rep, gatherer);
        assertThat(warned.get("warnings").toString()).contains("No decision maker is engaged");
        assertThat(warned.get("questions").toString()).contains("DECISION_MAKERS");

        var decider = given.prospect(rep);
        assertThat(mvc.patch()
                        .uri("/api/v1/prospects/" + decider.id())
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decisionRole\":\"DECISION_MAKER\"}"))
                .hasStatusOk();
        log(rep, decider, connectedWithAppointment("2026-08-20T11:00:00-04:00"));
        assertThat(script(rep, decider).get("warnings").toString()).doesNotContain("No decision maker");
    }

    @Test
    void aProspectWithoutAnAccountWhoIsOnlyAnInfoGathererStillGetsTheDecisionRoleWarning() throws Exception {
        var rep = repWithPhone();
        var unique = UUID.randomUUID().toString().substring(0, 8);
        var loner = prospects
                .create(
                        rep.asActor(),
                        new ProspectFields(
                                "Sam Lowe " + unique,
                                null,
                                "sam." + unique + "@mail.example",
                                null,
                                null,
                                null,
                                null,
                                "US",
                                "America/New_York",
                                "INFO_GATHERER",
                                null,
                                null,
                                null),
                        false,
                        "API")
                .prospect();
        assertThat(loner.accountId()).isNull();
        given.enrolled(loner);
        log(rep, loner, connectedWithAppointment("2026-08-20T16:00:00-04:00"));

        var warned = script(rep, loner);
        assertThat(warned.get("warnings").toString())
                .contains("No decision maker is engaged: everyone you have spoken with is an info gatherer");
        assertThat(warned.get("questions").toString()).contains("DECISION_MAKERS");
    }

    @Test
    void aRepCannotReadTheScriptForAnotherRepsProspect() {
        var prospect = given.prospect(repWithPhone());
        assertThat(get(given.rep(), "/api/v1/prospects/" + prospect.id() + "/script"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get(given.manager(), "/api/v1/prospects/" + prospect.id() + "/script"))
                .hasStatusOk();
    }

    private Member repWithPhone() {
        var unique = UUID.randomUUID().toString().substring(0, 8);
        return team.register(new NewMember(
                "rep-" + unique + "@example.com",
                "Riley Stone " + unique,
                Role.REP,
                Given.PASSWORD,
                "+1 212 555 0100",
                "America/New_York"));
    }

    private static String connectedWithAppointment(String at) {
        return "{\"outcome\":\"CONNECTED\",\"pains\":[\"late deliveries\"],\"nextStep\":{\"appointmentAt\":\"" + at
                + "\",\"agenda\":\"review the delivery numbers\"}}";
    }

    private JsonNode script(Member member, Prospect prospect) throws Exception {
        var result = get(member, "/api/v1/prospects/" + prospect.id() + "/script");
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private MvcTestResult log(Member member, Prospect prospect, String body) {
        return mvc.post()
                .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private MvcTestResult get(Member member, String uri) {
        return mvc.get().uri(uri).header("Authorization", given.bearer(member)).exchange();
    }

    static Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, NEW_YORK).toInstant();
    }
}
