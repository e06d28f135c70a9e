package org.followthrough.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.StreamSupport;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.calls.Leads;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
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
 * The team's numbers (R19) from calls logged through the API: a week of one rep's calls in New York
 * and Kolkata, read back as the rep, as their manager, and refused where a filter cannot be used.
 */
@ApplicationTest
class NumbersApiTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    ObjectMapper json;

    @Autowired
    Leads leads;

    Member rep;
    Member other;
    Prospect stranded;

    @BeforeEach
    void aWeekOfCalls() {
        clock.set(ZonedDateTime.of(2026, 8, 21, 12, 0, 0, 0, NEW_YORK).toInstant());
        rep = given.rep();
        other = given.rep();
        var gaveUp = given.prospect(rep);
        log(rep, gaveUp, "NO_ANSWER", at(2026, 8, 19, 16, 5, NEW_YORK), null);
        log(
                rep,
                gaveUp,
                "CONNECTED",
                at(2026, 8, 20, 11, 10, NEW_YORK),
                "\"nextStep\":{\"stage\":\"NURTURE\"},\"objection\":{\"category\":\"BUDGET\",\"text\":\"No budget this year\"}");
        var india = given.prospect(rep, "+91 22 2778 2200", "IN");
        log(rep, india, "CONNECTED", at(2026, 8, 20, 11, 15, KOLKATA), "\"nextStep\":{\"stage\":\"WON\"}");
        var booked = given.prospect(rep);
        log(
                rep,
                booked,
                "CONNECTED",
                at(2026, 8, 20, 16, 20, NEW_YORK),
                "\"nextStep\":{\"appointmentAt\":\"2026-08-24T10:00:00-04:00\",\"agenda\":\"Pricing\"}");
        log(other, given.prospect(other), "NO_ANSWER", at(2026, 8, 19, 16, 10, NEW_YORK), null);
        stranded = given.prospect(rep);
        log(
                rep,
                stranded,
                "CONNECTED",
                at(2026, 8, 21, 10, 0, NEW_YORK),
                "\"nextStep\":{\"appointmentAt\":\"2026-08-26T11:00:00-04:00\",\"agenda\":\"Terms\"}");
        given.strand(stranded); // engaged, and nothing planned: the check leaves them to their owner
        given.strand(given.prospect(rep)); // not yet reached: the check plans for them itself
        leads.check();

        clock.set(ZonedDateTime.of(2026, 8, 24, 10, 1, 30, 0, NEW_YORK).toInstant());
        log(rep, booked, "CONNECTED", null, "\"nextStep\":{\"stage\":\"WON\"}");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aRepReadsTheNumbersOfTheirOwnCalls() {
        var numbers = summary(rep, "");

        assertThat(numbers.at("/scope/owner").asString()).isEqualTo(rep.email());
        var close = numbers.get("followUpsToClose");
        assertThat(close.get("won").asLong())
                .as("the Kolkata sale and the appointment's")
                .isEqualTo(2);
        assertThat(close.get("median").asDouble()).isEqualTo(0.5);
        assertThat(close.at("/distribution/0/followUps").asInt()).isZero();
        assertThat(close.at("/distribution/1/followUps").asInt()).isEqualTo(1);

        var reach = numbers.get("reachByAttempt");
        assertThat(reach.at("/0/attempt").asInt()).isEqualTo(1);
        assertThat(reach.at("/0/calls").asLong())
                .as("the other rep's FTC #1 is not counted")
                .isEqualTo(4);
        assertThat(reach.at("/0/connected").asLong()).isEqualTo(3);
        assertThat(reach.at("/1/attempt").asInt()).isEqualTo(2);
        assertThat(reach.at("/1/rate").asDouble()).isEqualTo(1.0);

        assertThat(numbers.at("/abandoned/closed").asLong()).isEqualTo(1);
        assertThat(numbers.at("/abandoned/afterOneFollowUpOrFewer").asLong()).isEqualTo(1);

        var punctuality = numbers.get("punctuality");
        assertThat(punctuality.get("appointmentCalls").asLong()).isEqualTo(1);
        assertThat(punctuality.get("onTime").asLong())
                .as("logged 90 s after the agreed minute")
                .isZero();
        assertThat(punctuality.get("p50Seconds").asLong()).isEqualTo(90);

        assertThat(numbers.at("/objections/0/category").asString()).isEqualTo("BUDGET");
        assertThat(numbers.at("/objections/0/count").asLong()).isEqualTo(1);

        assertThat(numbers.at("/noNextStep/count").asLong()).isEqualTo(1);
        assertThat(numbers.at("/noNextStep/first/0/id").asString())
                .isEqualTo(stranded.id().toString());
    }

    @Test
    void connectRatesAreByTheProspectsLocalWeekdayAndHourEvenHalfAnHourOffTheClock() {
        var heat = summary(rep, "").get("connectHeatMap");

        assertThat(cell(heat, "THURSDAY", 11).get("calls").asLong())
                .as("11:10 in New York and 11:15 in Kolkata (05:45 UTC)")
                .isEqualTo(2);
        assertThat(cell(heat, "THURSDAY", 11).get("connected").asLong()).isEqualTo(2);
        assertThat(cell(heat, "WEDNESDAY", 16).get("rate").asDouble()).isZero();
        assertThat(StreamSupport.stream(heat.spliterator(), false)
                        .filter(c -> c.get("weekday").asString().equals("MONDAY"))
                        .toList())
                .as("the appointment call on Monday at 10:01: its time was agreed, so it says nothing of when to call")
                .isEmpty();
        assertThat(StreamSupport.stream(heat.spliterator(), false)
                        .mapToLong(c -> c.get("calls").asLong())
                        .sum())
                .isEqualTo(5);
    }

    @Test
    void aCustomersCheckInThatSaysWonAgainIsNotAnotherSale() {
        var customer = given.prospect(rep);
        log(rep, customer, "CONNECTED", at(2026, 8, 24, 9, 0, NEW_YORK), "\"nextStep\":{\"stage\":\"WON\"}");
        assertThat(summary(rep, "").at("/followUpsToClose/won").asLong()).isEqualTo(3);

        log(rep, customer, "CONNECTED", null, "\"nextStep\":{\"stage\":\"WON\"}");

        assertThat(summary(rep, "").at("/followUpsToClose/won").asLong())
                .as("the post-sale call changes nothing, so the sale counts once")
                .isEqualTo(3);
    }

    @Test
    void theBestTimesAreTheUsualOnesUntilThereAreEnoughCallsAndShowTheCallsBehindThem() {
        var fresh = summary(given.rep(), "").get("bestTimes");
        assertThat(fresh.get("basedOn").asString()).isEqualTo("R4_PRIORS");
        assertThat(fresh.get("calls").asLong()).isZero();
        assertThat(fresh.at("/windows/0/weekday").asString()).isEqualTo("WEDNESDAY");
        assertThat(fresh.at("/windows/0/hour").asInt()).isEqualTo(16);

        var ours = summary(rep, "").get("bestTimes");
        assertThat(ours.get("basedOn").asString())
                .as("five calls are too few to learn from")
                .isEqualTo("R4_PRIORS");
        assertThat(ours.get("calls").asLong())
                .as("the appointment call left out")
                .isEqualTo(5);
        assertThat(ours.at("/windows/0/weekday").asString()).isEqualTo("WEDNESDAY");
        assertThat(ours.at("/windows/0/calls").asLong())
                .as("each window shows the calls behind it")
                .isEqualTo(1);
        assertThat(ours.at("/windows/0/rate").asDouble()).isZero();
    }

    @Test
    void aManagerReadsTheWholeTeamOrOneMember() {
        var manager = given.manager();
        var team = summary(manager, "");
        assertThat(team.at("/scope/owner").isNull()).isTrue();
        assertThat(team.at("/reachByAttempt/0/calls").asLong()).isGreaterThanOrEqualTo(4);

        var one = summary(manager, "owner=" + other.email());
        assertThat(one.at("/scope/owner").asString()).isEqualTo(other.email());
        assertThat(one.at("/reachByAttempt/0/calls").asLong()).isEqualTo(1);
        assertThat(one.at("/followUpsToClose/won").asLong()).isZero();
        assertThat(one.at("/followUpsToClose/median").isNull()).isTrue();
    }

    @Test
    void aFilterThatCannotBeUsedIsNamedWithWhatToFix() {
        assertThat(get(rep, "owner=" + other.email()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("owner");
        assertThat(get(given.manager(), "owner=nobody@example.com"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("not a member's email");
        assertThat(get(rep, "days=0"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("days")
                .contains("between 1 and");
        assertThat(mvc.get().uri("/api/v1/analytics/summary").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private void log(Member member, Prospect prospect, String outcome, ZonedDateTime at, String more) {
        var body = "{\"outcome\":\"" + outcome + "\"" + (at == null ? "" : ",\"at\":\"" + at.toOffsetDateTime() + "\"")
                + (more == null ? "" : "," + more) + "}";
        assertThat(mvc.post()
                        .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                        .header("Authorization", given.bearer(member))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.CREATED);
    }

    private MvcTestResult get(Member member, String query) {
        return mvc.get()
                .uri("/api/v1/analytics/summary?" + query)
                .header("Authorization", given.bearer(member))
                .exchange();
    }

    private JsonNode summary(Member member, String query) {
        var result = get(member, query);
        assertThat(result).hasStatus(HttpStatus.OK);
        try {
            return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode cell(JsonNode heat, String weekday, int hour) {
        return StreamSupport.stream(heat.spliterator(), false)
                .filter(c -> c.get("weekday").asString().equals(weekday)
                        && c.get("hour").asInt() == hour)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cell for " + weekday + " " + hour + " in " + heat));
    }

    private static ZonedDateTime at(int year, int month, int day, int hour, int minute, ZoneId zone) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, zone);
    }
}
