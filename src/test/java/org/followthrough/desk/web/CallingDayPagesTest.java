package org.followthrough.desk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.common.Sql;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The rep's calling day as the pages serve it: the number to dial, the flow through the queue, the counts. */
@ApplicationTest
class CallingDayPagesTest {

    /** Tuesday 18 August 2026, 09:00 in New York: a business morning for the prospects below. */
    static final Instant TUESDAY_9AM = ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, ZoneId.of("America/New_York"))
            .toInstant();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    DialLinks dialing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CallCalendar calendar;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void businessMorning() {
        clock.set(TUESDAY_9AM);
    }

    @AfterEach
    void realTime() {
        clock.reset();
        dialing.change(given.admin().asActor(), ""); // back to tel:, for the other tests
    }

    static RequestPostProcessor as(Member member) {
        return httpBasic(member.email(), Given.PASSWORD);
    }

    String page(Member member, String uri) throws Exception {
        var result = mvc.get().uri(uri).with(as(member)).exchange();
        assertThat(result).as(uri).hasStatusOk();
        return result.getResponse().getContentAsString();
    }

    @Test
    void theNumberIsALinkToDialOnTodayTheCallScreenAndTheProspectPage() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep, "+1 212 555 0147", "US");
        // the international format as libphonenumber writes a New York number
        for (var uri :
                java.util.List.of("/today", "/prospects/" + prospect.id() + "/call", "/prospects/" + prospect.id())) {
            assertThat(page(rep, uri))
                    .as(uri)
                    .contains("href=\"tel:+12125550147\"")
                    .contains(">+1 212-555-0147</a>");
        }
    }

    @Test
    void anAdministratorChoosesADialerAndTheLinksFollow() throws Exception {
        var admin = given.admin();
        var rep = given.rep();
        var prospect = given.prospect(rep, "+1 212 555 0148", "US");

        var refused = mvc.post()
                .uri("/settings/dialing")
                .with(as(admin))
                .with(csrf())
                .param("choice", "link")
                .param("link", "javascript:alert({e164})")
                .exchange();
        assertThat(refused).hasStatusOk();
        assertThat(refused.getResponse().getContentAsString())
                .contains("must start with tel:, sip:, callto: or https://")
                .contains("javascript:alert({e164})");

        var saved = mvc.post()
                .uri("/settings/dialing")
                .with(as(admin))
                .with(csrf())
                .param("choice", "link")
                .param("link", "https://dialer.example/call?to={e164}")
                .exchange();
        assertThat(saved.getResponse().getContentAsString()).contains("Dialling saved");
        assertThat(page(rep, "/prospects/" + prospect.id() + "/call"))
                .contains("href=\"https://dialer.example/call?to=%2B12125550148\"")
                .contains("target=\"_blank\"");

        mvc.post()
                .uri("/settings/dialing")
                .with(as(admin))
                .with(csrf())
                .param("choice", "sip")
                .exchange();
        assertThat(page(rep, "/prospects/" + prospect.id())).contains("href=\"sip:+12125550148\"");

        var manager = given.manager();
        assertThat(mvc.post()
                        .uri("/settings/dialing")
                        .with(as(manager))
                        .with(csrf())
                        .param("choice", "tel")
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(page(manager, "/settings/dialing")).contains("Administrators choose this");
    }

    @Test
    void loggingOpensTheNextDueCallAndTheSameFormSentAgainLogsNothing() throws Exception {
        var rep = given.rep();
        var first = dueAt(given.prospect(rep), TUESDAY_9AM.minus(Duration.ofMinutes(5)));
        var second = dueAt(given.prospect(rep), TUESDAY_9AM.minus(Duration.ofMinutes(2)));
        var start = mvc.get().uri("/today/start").with(as(rep)).exchange();
        assertThat(start.getResponse().getRedirectedUrl())
                .as("Start calling opens the first due call")
                .startsWith("/prospects/" + first.id() + "/call?task=");
        var task = start.getResponse().getRedirectedUrl().replaceAll(".*task=", "");

        var logged = logNoAnswer(rep, first, task);
        assertThat(logged.getResponse().getRedirectedUrl())
                .as("logging opens the next call, someone else's")
                .startsWith("/prospects/" + second.id() + "/call?task=");
        assertThat(logged.getResponse().getContentAsString()).isEmpty();

        var again = logNoAnswer(rep, first, task);
        assertThat(again).hasStatusOk();
        assertThat(again.getResponse().getContentAsString()).contains("This call was already logged");
        assertThat(calls(first)).as("one call, however often the form is sent").isEqualTo(1);
    }

    @Test
    void skipAndSnoozeTakeACallOutOfTheQueueAndTheFlowGoesOn() throws Exception {
        var rep = given.rep();
        var skipped = dueAt(given.prospect(rep), TUESDAY_9AM.minus(Duration.ofMinutes(5)));
        var snoozed = dueAt(given.prospect(rep), TUESDAY_9AM.minus(Duration.ofMinutes(3)));
        var skipTask = openTask(skipped);
        var snoozeTask = openTask(snoozed);

        var noReason = api(rep, "/api/v1/tasks/" + skipTask + "/skip", "{\"reason\":\" \"}");
        assertThat(noReason).hasStatus(HttpStatus.BAD_REQUEST);
        var skip = mvc.post()
                .uri("/prospects/" + skipped.id() + "/call/skip")
                .with(as(rep))
                .with(csrf())
                .param("taskId", skipTask.toString())
                .param("reason", "Needs research before the call")
                .exchange();
        assertThat(skip.getResponse().getRedirectedUrl()).startsWith("/prospects/" + snoozed.id() + "/call?task=");
        assertThat(api(rep, "/api/v1/tasks/" + skipTask + "/skip", "{\"reason\":\"again\"}"))
                .hasStatus(HttpStatus.CONFLICT);
        var timeline = body(mvc.get()
                .uri("/api/v1/prospects/" + skipped.id() + "/timeline")
                .header("Authorization", given.bearer(rep))
                .exchange());
        assertThat(timeline.get("touches").toString()).contains("Skipped FTC #1: Needs research before the call");

        // 22:30 on Tuesday in New York is after their calling hours: the call moves to their next legal moment
        var late = OffsetDateTime.parse("2026-08-18T22:30:00-04:00");
        var snooze = api(rep, "/api/v1/tasks/" + snoozeTask + "/snooze", "{\"until\":\"" + late + "\"}");
        assertThat(snooze).hasStatusOk();
        var dueAt = java.time.Instant.parse(body(snooze).get("dueAt").asString());
        assertThat(dueAt).isAfter(late.toInstant());
        assertThat(calendar.isLegal(dueAt, snoozed.place())).isTrue();
        assertThat(dueAt.atZone(ZoneId.of("America/New_York")).toLocalDate())
                .isEqualTo(java.time.LocalDate.of(2026, 8, 19));
    }

    @Test
    void notesAndManualEmailsAreWrittenOnTheTimeline() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        var uri = "/api/v1/prospects/" + prospect.id() + "/notes";
        assertThat(api(rep, uri, "{\"kind\":\"FAX\",\"text\":\"x\"}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api(rep, uri, "{\"text\":\"Prefers mornings\"}")).hasStatus(HttpStatus.CREATED);
        var email = api(rep, uri, "{\"kind\":\"EMAIL\",\"text\":\"Sent the pricing sheet\"}");
        assertThat(email).hasStatus(HttpStatus.CREATED);
        assertThat(body(email).get("label").asString())
                .as("before they were reached, an email belongs to the first-time call it comes before (R5)")
                .isEqualTo("FTC #1");
        assertThat(api(rep, "/api/v1/prospects/" + prospect.id() + "/notes", "{\"text\":\"x\"}")
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);
        var other = given.rep();
        assertThat(api(other, uri, "{\"text\":\"not mine\"}")).hasStatus(HttpStatus.NOT_FOUND);

        var form = mvc.post()
                .uri("/prospects/" + prospect.id() + "/notes")
                .with(as(rep))
                .with(csrf())
                .param("kind", "NOTE")
                .param("text", "   ")
                .exchange();
        assertThat(form.getMvcResult().getFlashMap().get("noteError"))
                .asString()
                .contains("is required");
        assertThat(page(rep, "/prospects/" + prospect.id())).contains("Prefers mornings", "Sent the pricing sheet");
    }

    @Test
    void todayCountsEverySectionTrulyAndShowsMoreOnRequest() throws Exception {
        var rep = given.rep();
        for (int i = 0; i < 53; i++) {
            dueAt(given.prospect(rep), TUESDAY_9AM.minus(Duration.ofMinutes(3)));
        }
        var far = given.prospect(rep);
        dueAt(far, TUESDAY_9AM.plus(Duration.ofDays(30)));
        jdbc.sql("update tasks set kind = 'APPOINTMENT' where prospect_id = ? and status = 'OPEN'")
                .param(far.id())
                .update();
        var html = page(rep, "/today");
        assertThat(html).contains("Due now (53)", "Showing 50 of 53.", "Show 3 more", "Next days (1)");
        assertThat(html.split("data-task=", -1).length - 1).isEqualTo(51);
        var more = page(rep, "/today?dueNow=100");
        assertThat(more).contains("Due now (53)").doesNotContain("Show 3 more");
        assertThat(more.split("data-task=", -1).length - 1).isEqualTo(54);
    }

    @Test
    void todayOrdersCallsDeferredToTheirOpeningAmongThoseDueLater() throws Exception {
        var newYork = ZoneId.of("America/New_York");
        var rep = given.rep();
        // Tuesday 21:30 in New York (closed until Wednesday 08:00), 18:30 in Los Angeles (open)
        var evening = ZonedDateTime.of(2026, 8, 18, 21, 30, 0, 0, newYork);
        var dueNow = dueAt(la(rep), evening.minusMinutes(10).toInstant());
        var overdue = dueAt(la(rep), evening.minusHours(2).toInstant());
        var laterFirst = dueAt(la(rep), evening.plusHours(9).plusMinutes(30).toInstant()); // Wed 07:00 New York
        var beforeTheOpening = dueAt(given.prospect(rep), evening.plusHours(10).toInstant()); // Wed 07:30
        var deferredFirst = dueAt(
                given.prospect(rep), evening.minusHours(1).minusMinutes(30).toInstant());
        var deferredSecond = dueAt(given.prospect(rep), evening.minusHours(1).toInstant());
        var afterTheOpening =
                dueAt(given.prospect(rep), evening.plusHours(11).plusMinutes(30).toInstant()); // Wed 09:00
        clock.set(evening.toInstant());

        var html = page(rep, "/today");
        assertThat(html).contains("Due now (1)", "Overdue (1)");
        assertThat(tasks(html))
                .containsExactly(
                        openTask(dueNow),
                        openTask(overdue),
                        openTask(laterFirst),
                        openTask(beforeTheOpening),
                        openTask(deferredFirst),
                        openTask(deferredSecond),
                        openTask(afterTheOpening));
        var counts = java.util.regex.Pattern.compile("data-count=\"([0-9]+)\"")
                .matcher(html)
                .results()
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .sum();
        assertThat(counts).isEqualTo(7);
    }

    private Prospect la(Member rep) {
        return given.prospect(rep, String.format("+1 310 555 %04d", 100 + (int) (Math.random() * 800)), "US");
    }

    private static java.util.List<UUID> tasks(String html) {
        return java.util.regex.Pattern.compile("data-task=\"([0-9a-f-]{36})\"")
                .matcher(html)
                .results()
                .map(m -> UUID.fromString(m.group(1)))
                .toList();
    }

    @Test
    void atTheWrongHourTheCallScreenAndTodaySaySoAndACallBackCanStillBeLogged() throws Exception {
        var rep = given.rep();
        var prospect = dueAt(given.prospect(rep), TUESDAY_9AM.minus(Duration.ofMinutes(3)));
        clock.set(ZonedDateTime.of(2026, 8, 18, 22, 0, 0, 0, ZoneId.of("America/New_York"))
                .toInstant());
        var opens = calendar.earliestLegal(clock.instant(), prospect.place()).atZone(ZoneId.of("America/New_York"));
        var when =
                opens.format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ENGLISH));
        assertThat(page(rep, "/prospects/" + prospect.id() + "/call"))
                .contains("Outside their calling hours now; they open " + when);
        assertThat(page(rep, "/today")).contains("Outside their calling hours now; they open " + when);
        var callBack = mvc.post()
                .uri("/prospects/" + prospect.id() + "/call")
                .with(as(rep))
                .with(csrf())
                .param("outcome", "BAD_TIMING")
                .exchange();
        assertThat(callBack).hasStatus3xxRedirection();
        assertThat(calls(prospect)).isEqualTo(1);
    }

    @Test
    void theAddProspectFormKeepsWhatWasTypedAndNamesTheField() throws Exception {
        var rep = given.rep();
        var bad = mvc.post()
                .uri("/prospects/new")
                .with(as(rep))
                .with(csrf())
                .param("fullName", "Dana Cruz")
                .param("email", "dana.cruz." + UUID.randomUUID().toString().substring(0, 6) + "@acme.example")
                .param("phone", "not a number")
                .param("company", "Acme Freight")
                .param("decisionRole", "DECISION_MAKER")
                .exchange();
        assertThat(bad).hasStatusOk();
        var html = bad.getResponse().getContentAsString();
        assertThat(html).contains("id=\"phone-error\"", "value=\"Acme Freight\"", "value=\"not a number\"");
        assertThat(html).contains(">Decision maker<").doesNotContain(">DECISION_MAKER<");
        var good = mvc.post()
                .uri("/prospects/new")
                .with(as(rep))
                .with(csrf())
                .param("fullName", "Dana Cruz")
                .param("email", "dana.cruz." + UUID.randomUUID().toString().substring(0, 6) + "@acme.example")
                .param("phone", "+1 212 555 0190")
                .param("country", "US")
                .param("decisionRole", "DECISION_MAKER")
                .exchange();
        assertThat(good.getResponse().getRedirectedUrl()).matches("/prospects/[0-9a-f-]{36}\\?added");
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult logNoAnswer(
            Member rep, Prospect prospect, String task) {
        return mvc.post()
                .uri("/prospects/" + prospect.id() + "/call")
                .with(as(rep))
                .with(csrf())
                .param("outcome", "NO_ANSWER")
                .param("taskId", task)
                .exchange();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult api(Member member, String uri, String body) {
        return mvc.post()
                .uri(uri)
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private JsonNode body(org.springframework.test.web.servlet.assertj.MvcTestResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private int calls(Prospect prospect) {
        return jdbc.sql("select count(*) from touches where prospect_id = ? and kind = 'CALL'")
                .param(prospect.id())
                .query(Integer.class)
                .single();
    }

    private UUID openTask(Prospect prospect) {
        return jdbc.sql("select id from tasks where prospect_id = ? and status = 'OPEN' order by due_at")
                .param(prospect.id())
                .query(UUID.class)
                .list()
                .get(0);
    }

    private Prospect dueAt(Prospect prospect, Instant at) {
        jdbc.sql("update tasks set due_at = ? where prospect_id = ? and status = 'OPEN'")
                .params(Sql.ts(at), prospect.id())
                .update();
        return prospect;
    }
}
