package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.ImportsByApi;
import org.followthrough.cadence.Cadence;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.Stage;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A file that says a prospect in a running cadence was won or lost ends that cadence as logging the outcome
 * on a call does: the open calls are called off, a sale starts the post-sale check-ins, a loss ends the
 * cadence; a prospect the file leaves open keeps theirs.
 */
@ApplicationTest
class ImportedEndStagesTest {

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
    Tasks tasks;

    @Test
    void aFileSayingWonOrLostEndsTheRunningCadenceAsALoggedOutcomeWould() throws Exception {
        var rep = given.rep();
        var won = given.prospect(rep);
        var lost = given.prospect(rep);
        var open = given.prospect(rep);
        for (var p : java.util.List.of(won, lost, open)) {
            assertThat(enrolments.active(p.id()))
                    .as("enrolled before the import")
                    .hasValueSatisfying(e -> assertThat(e.cadenceKey()).isEqualTo(Cadence.FIRST_TIME_CALLS));
            assertThat(tasks.openFor(p.id())).as("a first call is planned").isNotEmpty();
        }
        var firstCallOfWon = tasks.openFor(won.id()).get(0).id();

        var status = importAndWait(
                rep,
                "Full Name,Email,Lifecycle Stage,Lead Status\n"
                        + row(won, "Customer", "")
                        + row(lost, "Lead", "Unqualified")
                        + row(open, "Lead", "In Progress"));
        assertThat(status.get("updated").asLong()).as(status.toString()).isEqualTo(3);
        given.settled();

        assertThat(prospects.byId(won.id()).orElseThrow().stage()).isEqualTo(Stage.WON);
        assertThat(enrolments.active(won.id()))
                .as("a sale starts the post-sale check-ins, as a call logged WON does")
                .hasValueSatisfying(e -> assertThat(e.cadenceKey()).isEqualTo(Cadence.POST_SALE));
        assertThat(tasks.openFor(won.id()))
                .as("the first-time call planned before is called off")
                .noneMatch(t -> t.id().equals(firstCallOfWon));

        assertThat(prospects.byId(lost.id()).orElseThrow().stage()).isEqualTo(Stage.LOST);
        assertThat(enrolments.active(lost.id())).as("a loss ends the cadence").isEmpty();
        assertThat(tasks.openFor(lost.id()))
                .as("no call is left for a lost prospect")
                .isEmpty();

        assertThat(enrolments.active(open.id()))
                .as("a prospect the file leaves open keeps their cadence")
                .hasValueSatisfying(e -> assertThat(e.cadenceKey()).isEqualTo(Cadence.FIRST_TIME_CALLS));
        assertThat(tasks.openFor(open.id())).isNotEmpty();

        // the same file again changes no stage and so ends or starts nothing more
        var postSale = enrolments.active(won.id()).orElseThrow().id();
        importAndWait(
                rep,
                "Full Name,Email,Lifecycle Stage,Lead Status\n"
                        + row(won, "Customer", "")
                        + row(lost, "Lead", "Unqualified"));
        given.settled();
        assertThat(enrolments.active(won.id()).orElseThrow().id()).isEqualTo(postSale);
        assertThat(enrolments.active(lost.id())).isEmpty();
    }

    private static String row(Prospect p, String lifecycle, String leadStatus) {
        return String.join(",", p.fullName(), p.email(), lifecycle, leadStatus) + "\n";
    }

    private JsonNode importAndWait(Member member, String csv) throws Exception {
        return ImportsByApi.importAndWait(mvc, json, given.bearer(member), csv);
    }
}
