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
