package org.followthrough.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.calls.Enrolments;
import org.followthrough.calls.Leads;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A bulk action on a search: the preview says what will happen to how many, the action runs in the
 * background with its progress, is recorded, and a rep only ever touches their own prospects.
 */
@ApplicationTest
class BulkActionsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    ObjectMapper json;

    @Autowired
    Enrolments enrolments;

    @Autowired
    Leads leads;

    @Test
    void aManagerPreviewsPausesAWholeRepsProspectsInTheBackgroundAndFindsItRecorded() throws Exception {
        var manager = given.manager();
        var rep = given.rep();
        var prospects = new ArrayList<Prospect>();
        for (int i = 0; i < 5; i++) {
            prospects.add(given.prospect(rep));
        }
        assertThat(mvc.delete()
                        .uri("/api/v1/prospects/" + prospects.get(0).id() + "/enrolment")
                        .header("Authorization", given.bearer(rep))
                        .exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        var body = "{\"owner\":\"" + rep.email() + "\",\"action\":\"PAUSE\",\"reason\":\"Conference season\"}";

        var preview = read(post(manager, "/api/v1/prospects/bulk/preview", body));
        assertThat(preview.get("total").asInt()).isEqualTo(5);
        assertThat(preview.get("willChange").asInt()).isEqualTo(4);
        assertThat(preview.get("summary").asString()).isEqualTo("4 will be paused, 1 skipped: in no cadence.");
        assertThat(prospects.stream().filter(p -> enrolments
                        .active(p.id())
                        .filter(e -> e.isPaused())
                        .isPresent()))
                .as("a preview changes nothing")
                .isEmpty();

        var started = post(manager, "/api/v1/prospects/bulk", body);
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        var location = started.getResponse().getHeader("Location");
        var done = awaitDone(manager, location);
        assertThat(done.get("total").asInt()).isEqualTo(5);
        // the never-lose-a-lead check (R23) leaves the prospect the rep took out by hand where they are
        assertThat(done.get("changed").asInt()).isEqualTo(4);
        assertThat(done.get("skippedBy").get("in no cadence").asInt()).isEqualTo(1);
        assertThat(done.get("requestedBy").asString()).isEqualTo(manager.fullName());
        assertThat(done.get("description").asString()).contains("Pause (Conference season)", rep.email());
        assertThat(prospects.subList(1, 5)).allSatisfy(p -> assertThat(
                        enrolments.active(p.id()).orElseThrow().isPaused())
                .isTrue());

        var recorded = read(mvc.get()
                .uri("/api/v1/bulk-actions")
                .header("Authorization", given.bearer(manager))
                .exchange());
        var ids = new ArrayList<String>();
        recorded.forEach(r -> ids.add(r.get("id").asString()));
        assertThat(location).endsWith(done.get("id").asString());
        assertThat(ids).contains(done.get("id").asString());
    }

    @Test
    void prospectsTakenOutInBulkAreNotPutBackByTheNeverLoseALeadCheck() throws Exception {
        var manager = given.manager();
        var rep = given.rep();
        var takenOut = new ArrayList<Prospect>();
        for (int i = 0; i < 3; i++) {
            takenOut.add(given.prospect(rep));
        }
        var lost = given.strand(given.prospect(given.rep()));
        var body = "{\"owner\":\"" + rep.email() + "\",\"action\":\"UNENROL\"}";
        var started = post(manager, "/api/v1/prospects/bulk", body);
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        assertThat(awaitDone(manager, started.getResponse().getHeader("Location"))
                        .get("changed")
                        .asInt())
                .isEqualTo(3);

        leads.check();

        assertThat(takenOut).as("the manager's decision stands").allSatisfy(p -> assertThat(enrolments.active(p.id()))
                .isEmpty());
        assertThat(leads.leftByLastCheck(rep.id()))
                .as("listed for their owner")
                .extracting(Leads.Stranded::prospectId)
                .containsAll(takenOut.stream().map(Prospect::id).toList());
        assertThat(enrolments.active(lost.id()))
                .as("a lead truly lost is still put back")
                .isPresent();
    }

    @Test
    void aRepsBulkActionTouchesOnlyTheirOwnProspectsAndReassigningIsForManagers() throws Exception {
        var rep = given.rep();
        var other = given.rep();
        var mine = given.prospect(rep);
        var theirs = given.prospect(other);
        var preview = read(post(
                rep,
                "/api/v1/prospects/bulk/preview",
                "{\"owner\":\"" + other.email() + "\",\"action\":\"DO_NOT_CALL\"}"));
        assertThat(preview.get("total").asInt())
                .as("another rep's prospects are not in a rep's search")
                .isZero();

        var done = awaitDone(
                rep,
                post(rep, "/api/v1/prospects/bulk", "{\"action\":\"DO_NOT_CALL\"}")
                        .getResponse()
                        .getHeader("Location"));
        assertThat(done.get("changed").asInt()).isEqualTo(1);
        assertThat(read(mvc.get()
                                .uri("/api/v1/prospects/" + mine.id())
                                .header("Authorization", given.bearer(rep))
                                .exchange())
                        .get("doNotCall")
                        .asBoolean())
                .isTrue();
        assertThat(read(mvc.get()
                                .uri("/api/v1/prospects/" + theirs.id())
                                .header("Authorization", given.bearer(other))
                                .exchange())
                        .get("doNotCall")
                        .asBoolean())
                .isFalse();

        assertThat(post(
                        rep,
                        "/api/v1/prospects/bulk/preview",
                        "{\"action\":\"REASSIGN\",\"assignTo\":\"" + other.email() + "\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(rep, "/api/v1/prospects/bulk/preview", "{\"action\":\"ENROL\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("cadence");
        assertThat(mvc.get()
                        .uri("/api/v1/bulk-actions/" + done.get("id").asString())
                        .header("Authorization", given.bearer(other))
                        .exchange())
                .as("another rep cannot read a rep's bulk action")
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anExportTakesTheSearch() throws Exception {
        var rep = given.rep();
        var one = given.prospect(rep);
        given.prospect(rep);
        var csv = mvc.get()
                .uri("/api/v1/prospects/export?q=" + one.email())
                .header("Authorization", given.bearer(rep))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv).contains(one.email());
    }

    private JsonNode awaitDone(Member member, String location) throws Exception {
        var deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            var job = read(mvc.get()
                    .uri(location)
                    .header("Authorization", given.bearer(member))
                    .exchange());
            if (job.get("status").asString().equals("DONE")) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the bulk action did not finish within 30 seconds: " + job);
            }
            Thread.sleep(100);
        }
    }

    private MvcTestResult post(Member member, String uri, String body) {
        return mvc.post()
                .uri(uri)
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private JsonNode read(MvcTestResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
