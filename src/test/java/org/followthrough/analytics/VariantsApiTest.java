package org.followthrough.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.cadence.Cadences;
import org.followthrough.calls.Enrolments;
import org.followthrough.common.Sql;
import org.followthrough.messaging.EmailOpened;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A/B wordings of a cadence step, through the API: a manager gives an email step and a call's
 * voicemail two wordings each, prospects are shared between them and keep theirs, the outbox and the
 * call say which one, and the numbers compare them, naming a winner only when the rule says so.
 */
@ApplicationTest
class VariantsApiTest {

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
    JdbcClient jdbc;

    @Autowired
    Enrolments enrolments;

    @Autowired
    Cadences cadences;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static final String TWO_WORDINGS =
            """
            {"name":"Webinar A/B","endStage":"NURTURE","steps":[
              {"channel":"EMAIL","delay":{"amount":0,"unit":"MINUTES","from":"START"},
               "variants":[{"template":"ftc-email-1"},{"name":"Short","template":"ftc-email-2","weight":1}]},
              {"channel":"CALL","delay":{"amount":1,"unit":"BUSINESS_DAYS","from":"START"},"placing":"BEST_WINDOW",
               "variants":[{"name":"A","template":"ftc-voicemail-1"},{"name":"B","template":"ftc-voicemail-2"}]}]}""";

    @Test
    void aManagerGivesStepsTwoWordingsAndTheCadenceReadsBackNamedVariants() {
        var json = assertThat(put("webinar-ab-read", TWO_WORDINGS, given.manager()))
                .hasStatusOk()
                .bodyJson();
        json.extractingPath("$.steps[0].variants[0].name").isEqualTo("A");
        json.extractingPath("$.steps[0].variants[1].name").isEqualTo("Short");
        json.extractingPath("$.steps[0].variants[1].weight").isEqualTo(1);
        json.extractingPath("$.steps[0].template").isEqualTo("ftc-email-1");
        json.extractingPath("$.steps[1].variants[1].template").isEqualTo("ftc-voicemail-2");
        assertThat(mvc.get().uri("/api/v1/cadences").header("Authorization", given.bearer(given.rep())))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[?(@.key=='first-time-calls')].steps[0].variants[0]")
                .asArray()
                .as("a step with one wording has no variants")
                .isEmpty();
    }

    @Test
    void badVariantsAreRefusedNamingEachProblem() {
        var body =
                """
                {"name":"Bad","steps":[
                  {"channel":"EMAIL","delay":{"amount":0,"unit":"MINUTES"},"variants":[{"template":"ftc-email-1"}]},
                  {"channel":"EMAIL","delay":{"amount":0,"unit":"MINUTES"},
                   "variants":[{"name":"A","template":"ftc-email-1","weight":0},{"name":"a","template":" "}]},
                  {"channel":"CALL","delay":{"amount":0,"unit":"MINUTES"},"review":true}]}""";
        assertThat(put("bad-variants", body, given.manager()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains(
                        "steps[0].variants",
                        "steps[1].variants[0].weight",
                        "steps[1].variants[1].template",
                        "steps[1].variants[1].name",
                        "steps[2].review");
    }

    @Test
    void eachProspectGetsTheWordingTheStepGivesThemAndTheNumbersCompareThem() throws Exception {
        var start = ZonedDateTime.of(2026, 9, 1, 10, 0, 0, 0, NEW_YORK).toInstant(); // a Tuesday
        clock.set(start);
        var manager = given.manager();
        assertThat(put("webinar-ab", TWO_WORDINGS, manager)).hasStatusOk();
        var step = cadences.get("webinar-ab").step(1);
        var call = cadences.get("webinar-ab").step(2);
        var rep = given.rep();
        var prospects = new ArrayList<Prospect>();
        for (int i = 0; i < 8; i++) {
            var p = given.prospect(rep);
            startWhenEnrolled(() -> enrolments.start(p.id(), "webinar-ab", start));
            prospects.add(p);
        }

        for (var p : prospects) {
            var expected = step.wordingFor(p.id(), "webinar-ab");
            var email = jdbc.sql("select id, variant, subject from outbox where prospect_id = ? and dedupe_key like ?")
                    .params(p.id(), "enrolment/%/1")
                    .query((rs, i) -> List.of(rs.getString("id"), rs.getString("variant"), rs.getString("subject")))
                    .single();
            assertThat(email.get(1)).as("the email says its wording").isEqualTo(expected.name());
            var task = jdbc.sql("select template from tasks where prospect_id = ? and status = 'OPEN'")
                    .param(p.id())
                    .query(String.class)
                    .single();
            assertThat(task)
                    .as("the call leaves its wording's voicemail")
                    .isEqualTo(call.wordingFor(p.id(), "webinar-ab").template());
        }

        // the emails go out; one prospect opens theirs, one picks up the phone a day later
        for (var p : prospects) {
            jdbc.sql("update outbox set status = 'SENT', sent_at = ? where prospect_id = ? and variant is not null")
                    .params(Sql.ts(start.plusSeconds(60)), p.id())
                    .update();
        }
        var opener = prospects.get(0);
        var openerEmail = jdbc.sql("select id from outbox where prospect_id = ? and variant is not null")
                .param(opener.id())
                .query(UUID.class)
                .single();
        transaction.executeWithoutResult(s -> events.publishEvent(
                new EmailOpened(openerEmail, opener.id(), "x@example.com", start.plusSeconds(600))));
        var caller = prospects.get(1);
        clock.set(start.plus(Duration.ofDays(1)));
        log(rep, caller, "VOICEMAIL", null);
        log(rep, caller, "CONNECTED", "\"nextStep\":{\"stage\":\"NURTURE\"}");

        var report = report(manager, "days=30");
        var emailStep = step(report, "webinar-ab", 1);
        assertThat(emailStep.get("channel").asString()).isEqualTo("EMAIL");
        long sent = 0;
        for (var v : emailStep.get("variants")) {
            sent += v.get("sent").asLong();
        }
        assertThat(sent).isEqualTo(8);
        var openerVariant =
                variant(emailStep, step.wordingFor(opener.id(), "webinar-ab").name());
        assertThat(openerVariant.get("opened").asLong()).isEqualTo(1);
        var callerVariant =
                variant(emailStep, step.wordingFor(caller.id(), "webinar-ab").name());
        assertThat(callerVariant.get("connected").asLong())
                .as("the call connected after the email")
                .isGreaterThanOrEqualTo(1);
        assertThat(StreamSupport.stream(emailStep.get("verdicts").spliterator(), false)
                        .map(v -> v.get("winner"))
                        .filter(w -> w != null && !w.isNull())
                        .toList())
                .as("eight prospects are too few to name a winner")
                .isEmpty();
        var voicemailStep = step(report, "webinar-ab", 2);
        assertThat(voicemailStep.get("channel").asString()).isEqualTo("CALL");
        var left = variant(
                voicemailStep, call.wordingFor(caller.id(), "webinar-ab").name());
        assertThat(left.get("sent").asLong()).as("one voicemail left").isEqualTo(1);
        assertThat(left.get("connected").asLong()).isEqualTo(1);
        assertThat(left.get("opened").isNull()).as("a voicemail is not opened").isTrue();
        assertThat(report.get("rule").asString())
                .contains("two-proportion z-test")
                .contains("Fisher");

        // the rep sees only their own prospects' numbers
        var other = given.rep();
        var theirs = report(other, "");
        assertThat(StreamSupport.stream(theirs.get("steps").spliterator(), false)
                        .filter(s -> s.get("cadence").asString().equals("webinar-ab"))
                        .toList())
                .isEmpty();
    }

    @Test
    void aWinnerIsNamedOnlyWhenTheRuleSaysTheDifferenceIsReal() throws Exception {
        var now = ZonedDateTime.of(2026, 10, 1, 10, 0, 0, 0, NEW_YORK).toInstant();
        clock.set(now);
        var manager = given.manager();
        // 200 given each wording; 90 replies to B, 60 to A (z = 3.10); 10 and 12 meetings (no real difference)
        insert("ab-winner", "A", 200, 60, 10, now.minus(Duration.ofDays(3)));
        insert("ab-winner", "B", 200, 90, 12, now.minus(Duration.ofDays(3)));
        var stepReport = step(report(manager, "days=30"), "ab-winner", 1);
        var replied = verdict(stepReport, "REPLIED");
        assertThat(replied.get("winner").asString()).isEqualTo("B");
        assertThat(replied.get("test").asString()).isEqualTo("z-test");
        assertThat(replied.get("pValue").asDouble()).isLessThan(0.05);
        var booked = verdict(stepReport, "BOOKED");
        assertThat(booked.get("winner").isNull()).isTrue();
        assertThat(booked.get("why").asString()).contains("no real difference");

        var signedIn = mvc.post()
                .uri("/login")
                .with(csrf())
                .param("username", manager.email())
                .param("password", Given.PASSWORD)
                .exchange();
        var page = mvc.get()
                .uri("/numbers?days=30")
                .session((MockHttpSession) signedIn.getRequest().getSession())
                .accept(MediaType.TEXT_HTML)
                .exchange();
        assertThat(page).hasStatusOk();
        var html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("Wordings compared")
                .contains("two-proportion z-test")
                .contains("90 (45%) — winner");
    }

    private void insert(String cadence, String variant, int sent, int replied, int booked, Instant at) {
        for (int i = 0; i < sent; i++) {
            jdbc.sql(
                            """
                    insert into variant_exposures (id, prospect_id, cadence_key, step_n, channel, variant, template,
                        planned_at, exposed_at, replied_at, booked_at)
                    values (?, ?, ?, 1, 'CALL', ?, 'ftc-voicemail-1', ?, ?, ?, ?)""")
                    .params(
                            UUID.randomUUID(),
                            UUID.randomUUID(),
                            cadence,
                            variant,
                            Sql.ts(at),
                            Sql.ts(at),
                            i < replied ? Sql.ts(at.plusSeconds(3600)) : null,
                            i < booked ? Sql.ts(at.plusSeconds(7200)) : null)
                    .update();
        }
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult put(String key, String body, Member member) {
        return mvc.put()
                .uri("/api/v1/cadences/" + key)
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private void log(Member member, Prospect prospect, String outcome, String more) {
        var body = "{\"outcome\":\"" + outcome + "\"" + (more == null ? "" : "," + more) + "}";
        assertThat(mvc.post()
                        .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                        .header("Authorization", given.bearer(member))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.CREATED);
    }

    private JsonNode report(Member member, String query) throws Exception {
        var result = mvc.get()
                .uri("/api/v1/analytics/variants?" + query)
                .header("Authorization", given.bearer(member))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static JsonNode step(JsonNode report, String cadence, int n) {
        return StreamSupport.stream(report.get("steps").spliterator(), false)
                .filter(s -> s.get("cadence").asString().equals(cadence)
                        && s.get("step").asInt() == n)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step " + n + " of " + cadence + " in " + report));
    }

    private static JsonNode variant(JsonNode step, String name) {
        return StreamSupport.stream(step.get("variants").spliterator(), false)
                .filter(v -> v.get("variant").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no variant " + name + " in " + step));
    }

    private static JsonNode verdict(JsonNode step, String outcome) {
        return StreamSupport.stream(step.get("verdicts").spliterator(), false)
                .filter(v -> v.get("outcome").asString().equals(outcome))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no verdict on " + outcome + " in " + step));
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
