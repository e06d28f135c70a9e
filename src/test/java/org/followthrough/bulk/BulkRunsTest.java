package org.followthrough.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.calls.Enrolments;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A bulk action's page is changed at once, and what reacts to each prospect's change still sees every
 * prospect of it; a refused prospect is counted by why, and a page whose change fails is done again
 * prospect by prospect.
 */
@ApplicationTest
class BulkRunsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    ObjectMapper json;

    @Autowired
    Prospects prospects;

    @Autowired
    Enrolments enrolments;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReassignmentMovesEveryProspectsOpenCallsAndCountsTheOneWhoseNumberIsRefused() throws Exception {
        var manager = given.manager();
        var from = given.rep();
        var to = given.rep();
        var moved = new ArrayList<Prospect>();
        for (int i = 0; i < 4; i++) {
            moved.add(given.prospect(from));
        }
        var broken = given.prospect(from);
        // a number stored before the checks of today: a change to this prospect is refused for it
        jdbc.sql("update prospects set phone_e164 = '+1555' where id = ?")
                .param(broken.id())
                .update();
        assertThat(openCallsOf(moved.get(0), from))
                .as("enrolled with a first call")
                .isPositive();

        var done = run(
                manager,
                "{\"owner\":\"" + from.email() + "\",\"action\":\"REASSIGN\",\"assignTo\":\"" + to.email() + "\"}");

        assertThat(done.get("changed").asInt()).isEqualTo(4);
        assertThat(done.get("skipped").asInt()).isEqualTo(1);
        assertThat(json.convertValue(done.get("skippedBy"), Map.class)).isEqualTo(Map.of("refused: invalid phone", 1));
        given.settled();
        assertThat(moved).allSatisfy(p -> {
            assertThat(prospects.byId(p.id()).orElseThrow().ownerId()).isEqualTo(to.id());
            assertThat(openCallsOf(p, from))
                    .as("no open call left with the old owner")
                    .isZero();
            assertThat(openCallsOf(p, to))
                    .as("the new owner takes the open calls")
                    .isPositive();
        });
        assertThat(prospects.byId(broken.id()).orElseThrow().ownerId()).isEqualTo(from.id());
        assertThat(openCallsOf(broken, from)).isPositive();
    }

    @Test
    void doNotCallInBulkCallsOffEveryProspectsOpenCalls() throws Exception {
        var rep = given.rep();
        var marked = List.of(given.prospect(rep), given.prospect(rep), given.prospect(rep));
        var already = given.prospect(rep);
        prospects.change(rep.asActor(), already.id(), Map.of("doNotCall", true));
        given.settled();

        var done = run(rep, "{\"action\":\"DO_NOT_CALL\"}");

        assertThat(done.get("changed").asInt()).isEqualTo(3);
        assertThat(json.convertValue(done.get("skippedBy"), Map.class)).isEqualTo(Map.of("already do-not-call", 1));
        given.settled();
        assertThat(marked).allSatisfy(p -> {
            assertThat(prospects.byId(p.id()).orElseThrow().doNotCall()).isTrue();
            assertThat(openCallsOf(p, rep)).as("their calls are called off").isZero();
            assertThat(enrolments.active(p.id()).orElseThrow().cadenceKey())
                    .as("followed up by email only")
                    .isEqualTo("nurture");
        });
    }

    @Test
    void aPageWhoseChangeIsRefusedIsDoneAgainProspectByProspect() throws Exception {
        var manager = given.manager();
        var rep = given.rep();
        var outOfCadence = given.prospect(rep);
        enrolments.end(outOfCadence.id(), "taken out for the test");
        var paused = List.of(given.prospect(rep), given.prospect(rep), given.prospect(rep));

        // the day is checked by the pause itself, for each prospect in their own zone: the page's
        // transaction fails on the first, and the page is done again one prospect at a time
        var done = run(
                manager,
                "{\"owner\":\"" + rep.email() + "\",\"action\":\"PAUSE\",\"reason\":\"Audit\",\"until\":\"someday\"}");

        assertThat(done.get("processed").asInt()).isEqualTo(4);
        assertThat(done.get("changed").asInt()).isZero();
        assertThat(json.convertValue(done.get("skippedBy"), Map.class))
                .isEqualTo(Map.of("in no cadence", 1, "refused: invalid until", 3));
        assertThat(paused).allSatisfy(p -> assertThat(
                        enrolments.active(p.id()).orElseThrow().isPaused())
                .isFalse());

        var later = run(
                manager,
                "{\"owner\":\"" + rep.email()
                        + "\",\"action\":\"PAUSE\",\"reason\":\"Audit\",\"until\":\"2099-01-01\"}");
        assertThat(json.convertValue(later.get("skippedBy"), Map.class))
                .as("the day too far off is refused for each")
                .isEqualTo(Map.of("in no cadence", 1, "refused: invalid until", 3));
    }

    @Test
    void anEnrolmentMovesEachProspectOfThePageAndKeepsEachRule() throws Exception {
        var rep = given.rep();
        var moved = List.of(given.prospect(rep), given.prospect(rep), given.prospect(rep));
        var optedOut = given.prospect(rep);
        jdbc.sql("update prospects set email_opt_out = true where id = ?")
                .param(optedOut.id())
                .update();
        var wasIn = moved.stream()
                .map(p -> enrolments.active(p.id()).orElseThrow().id())
                .toList();
        assertThat(moved).allSatisfy(p -> assertThat(openCallsOf(p, rep)).isPositive());

        var refused = run(rep, "{\"action\":\"ENROL\",\"cadence\":\"nurture\"}");
        assertThat(refused.get("changed").asInt()).isZero();
        assertThat(json.convertValue(refused.get("skippedBy"), Map.class))
                .isEqualTo(Map.of("already in a cadence", 3, "opted out of email", 1));

        var done = run(rep, "{\"action\":\"ENROL\",\"cadence\":\"nurture\",\"replace\":true}");

        assertThat(done.get("changed").asInt()).isEqualTo(3);
        assertThat(json.convertValue(done.get("skippedBy"), Map.class)).isEqualTo(Map.of("opted out of email", 1));
        given.settled();
        assertThat(moved).allSatisfy(p -> {
            var now = enrolments.active(p.id()).orElseThrow();
            assertThat(now.cadenceKey()).isEqualTo("nurture");
            assertThat(wasIn).doesNotContain(now.id());
            assertThat(openCallsOf(p, rep))
                    .as("the first-time calls left the queue")
                    .isZero();
            assertThat(pendingEmailsOf(p)).as("nurture's first email planned").isEqualTo(1);
        });
        assertThat(wasIn)
                .allSatisfy(id -> assertThat(statusOf(id)).isEqualTo("ENDED"))
                .allSatisfy(id -> assertThat(endReasonOf(id)).isEqualTo("replaced by nurture"));
        assertThat(enrolments.active(optedOut.id()).orElseThrow().cadenceKey()).isEqualTo("first-time-calls");
    }

    @Test
    void anEnrolmentInACadenceAlongsideKeepsEachProspectsMainCadence() throws Exception {
        var manager = given.manager();
        var key = org.followthrough.CadencesByApi.alongside(mvc, given.bearer(manager), "bulk-event-");
        var rep = given.rep();
        var page = List.of(given.prospect(rep), given.prospect(rep), given.prospect(rep));
        given.settled();
        var main = page.stream()
                .map(p -> enrolments.active(p.id()).orElseThrow().id())
                .toList();

        var done = run(rep, "{\"action\":\"ENROL\",\"cadence\":\"" + key + "\"}");

        assertThat(done.get("changed").asInt()).isEqualTo(3);
        given.settled();
        assertThat(page).allSatisfy(p -> {
            assertThat(enrolments.running(p.id()))
                    .extracting(e -> e.cadenceKey())
                    .as("the main cadence first, the one alongside beside it")
                    .containsExactly("first-time-calls", key);
            assertThat(openCallsOf(p, rep)).as("the first-time calls stay").isPositive();
        });
        assertThat(main).allSatisfy(id -> assertThat(statusOf(id)).isEqualTo("ACTIVE"));

        var again = run(rep, "{\"action\":\"ENROL\",\"cadence\":\"" + key + "\"}");
        assertThat(json.convertValue(again.get("skippedBy"), Map.class))
                .isEqualTo(Map.of("already in this cadence", 3));

        var out = run(rep, "{\"action\":\"UNENROL\"}");
        assertThat(out.get("changed").asInt()).isEqualTo(3);
        given.settled();
        assertThat(main).as("a take-out naming no cadence ends the main one").allSatisfy(id -> assertThat(statusOf(id))
                .isEqualTo("ENDED"));
        assertThat(page).allSatisfy(p -> assertThat(enrolments.running(p.id()))
                .extracting(e -> e.cadenceKey())
                .containsExactly(key));
    }

    @Test
    void aPauseThenATakingOutReachEachProspectsCallsAndEmails() throws Exception {
        var manager = given.manager();
        var rep = given.rep();
        var page = List.of(given.prospect(rep), given.prospect(rep), given.prospect(rep));
        var outOfCadence = given.prospect(rep);
        run(rep, "{\"action\":\"ENROL\",\"cadence\":\"nurture\",\"replace\":true}");
        enrolments.end(outOfCadence.id(), "taken out for the test");
        given.settled();
        assertThat(page).allSatisfy(p -> assertThat(pendingEmailsOf(p)).isEqualTo(1));

        var paused = run(
                manager,
                "{\"owner\":\"" + rep.email()
                        + "\",\"action\":\"PAUSE\",\"reason\":\"Audit\",\"until\":\"2027-06-01\"}");

        assertThat(paused.get("changed").asInt()).isEqualTo(3);
        assertThat(json.convertValue(paused.get("skippedBy"), Map.class)).isEqualTo(Map.of("in no cadence", 1));
        given.settled();
        assertThat(page).allSatisfy(p -> {
            var e = enrolments.active(p.id()).orElseThrow();
            assertThat(e.isPaused()).isTrue();
            assertThat(e.pause().reason()).isEqualTo("Audit");
            assertThat(e.pause().until())
                    .as("the day starts in the prospect's own zone")
                    .isEqualTo(java.time.Instant.parse("2027-06-01T04:00:00Z"));
            assertThat(pendingEmailsOf(p)).as("its waiting email withdrawn").isZero();
        });

        var again = run(manager, "{\"owner\":\"" + rep.email() + "\",\"action\":\"PAUSE\",\"reason\":\"Audit\"}");
        assertThat(json.convertValue(again.get("skippedBy"), Map.class))
                .isEqualTo(Map.of("in no cadence", 1, "already paused", 3));

        var pausedIds = page.stream()
                .map(p -> enrolments.active(p.id()).orElseThrow().id())
                .toList();
        var out = run(manager, "{\"owner\":\"" + rep.email() + "\",\"action\":\"UNENROL\"}");

        assertThat(out.get("changed").asInt()).isEqualTo(3);
        assertThat(json.convertValue(out.get("skippedBy"), Map.class)).isEqualTo(Map.of("in no cadence", 1));
        given.settled();
        assertThat(page).allSatisfy(p -> assertThat(enrolments.active(p.id())).isEmpty());
        assertThat(pausedIds).allSatisfy(id -> {
            assertThat(statusOf(id)).isEqualTo("ENDED");
            assertThat(endReasonOf(id)).isEqualTo("taken out by " + manager.fullName());
            assertThat(jdbc.sql("select ended_by from enrolments where id = ?")
                            .param(id)
                            .query(java.util.UUID.class)
                            .single())
                    .as("a decision by hand, which the never-lose-a-lead check respects")
                    .isEqualTo(manager.id());
        });
    }

    @Test
    void anEnrolmentAgainGoesOnWhereEachProspectLeftTheCadence() throws Exception {
        var rep = given.rep();
        var left = given.prospect(rep);
        var fresh = given.prospect(rep);
        var e = enrolments.active(left.id()).orElseThrow();
        // two steps done before they were taken out by hand
        jdbc.sql("update enrolments set last_done_n = 2 where id = ?")
                .param(e.id())
                .update();
        run(rep, "{\"action\":\"UNENROL\"}");

        var done = run(rep, "{\"action\":\"ENROL\",\"cadence\":\"first-time-calls\"}");

        assertThat(done.get("changed").asInt()).isEqualTo(2);
        given.settled();
        assertThat(enrolments.active(left.id()).orElseThrow().lastDoneN()).isEqualTo(2);
        assertThat(enrolments.active(fresh.id()).orElseThrow().lastDoneN()).isZero();
        assertThat(openCallsOf(left, rep)).isPositive();
        assertThat(openCallsOf(fresh, rep)).isPositive();
    }

    private int pendingEmailsOf(Prospect p) {
        return jdbc.sql("select count(*) from outbox where prospect_id = ? and status = 'PENDING'")
                .param(p.id())
                .query(Integer.class)
                .single();
    }

    private String statusOf(java.util.UUID enrolmentId) {
        return jdbc.sql("select status from enrolments where id = ?")
                .param(enrolmentId)
                .query(String.class)
                .single();
    }

    private String endReasonOf(java.util.UUID enrolmentId) {
        return jdbc.sql("select end_reason from enrolments where id = ?")
                .param(enrolmentId)
                .query(String.class)
                .single();
    }

    private int openCallsOf(Prospect p, Member owner) {
        return jdbc.sql("select count(*) from tasks where prospect_id = ? and owner_id = ? and status = 'OPEN'")
                .params(p.id(), owner.id())
                .query(Integer.class)
                .single();
    }

    private JsonNode run(Member member, String body) throws Exception {
        var started = mvc.post()
                .uri("/api/v1/prospects/bulk")
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        var location = started.getResponse().getHeader("Location");
        var deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            var job = json.readTree(mvc.get()
                    .uri(location)
                    .header("Authorization", given.bearer(member))
                    .exchange()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            if (job.get("status").asString().equals("DONE")) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the bulk action did not finish within 30 seconds: " + job);
            }
            Thread.sleep(100);
        }
    }
}
