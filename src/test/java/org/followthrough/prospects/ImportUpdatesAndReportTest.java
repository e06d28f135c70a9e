package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.ImportsByApi;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What an import does to people FollowThrough already has (the file's stage and consent apply as to a new
 * prospect, and no file undoes an opt-out), and its downloadable report: rejected rows and values set aside
 * on imported rows, each marked, with row and column.
 */
@ApplicationTest
class ImportUpdatesAndReportTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    ObjectMapper json;

    @Autowired
    Prospects prospects;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theReportListsRejectedRowsAndValuesSetAsideEachMarkedWithRowAndColumn() throws Exception {
        var manager = given.manager();
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var csv = "Full Name,Email,Phone,Country,Time Zone\n"
                + "Good Person,good." + tag + "@example.com,+1 212 555 0101,US,Mars/Olympus\n"
                + "Bad Email,not-an-email,+1 212 555 0102,US,\n"
                + "Also Good,also." + tag + "@example.com,+1 212 555 0103,US,America/New_York\n";
        var status = importAndWait(manager, csv);
        assertThat(status.get("imported").asLong()).isEqualTo(2);
        assertThat(status.get("rejected").asLong()).isEqualTo(1);
        assertThat(status.get("warned").asLong()).isEqualTo(1);

        var report = mvc.get()
                .uri("/api/v1/imports/" + status.get("id").asString() + "/errors")
                .header("Authorization", given.bearer(manager))
                .exchange();
        assertThat(report).hasStatusOk();
        var lines = report.getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("Row,Column,Problem,Outcome");
        // file order: the value set aside on row 2, then the rejected row 3
        assertThat(lines.get(1))
                .startsWith("2,Time Zone,")
                .contains("Mars/Olympus")
                .endsWith(",warning: imported without this value");
        assertThat(lines.get(2)).startsWith("3,Email,").endsWith(",rejected");
    }

    @Test
    void updatedProspectsTakeTheFilesStageAndConsentAndNoFileUndoesAnOptOut() throws Exception {
        var manager = given.manager();
        var fresh = given.prospect(manager);
        var optedOut = given.prospect(manager);
        prospects.change(manager.asActor(), optedOut.id(), java.util.Map.of("doNotCall", true, "emailOptOut", true));
        var engaged = given.prospect(manager);
        prospects.moveTo(engaged.id(), Stage.ENGAGED);
        assertThat(openTasks(fresh)).as("the first-time calls are planned").isPositive();

        var status = importAndWait(
                manager,
                "Full Name,Email,Lifecycle Stage,Do Not Call,Email Opt Out\n"
                        + row(fresh, "Customer", "1", "true")
                        + row(optedOut, "Lead", "0", "false")
                        + row(engaged, "Lead", "", ""));
        assertThat(status.get("updated").asLong()).as(status.toString()).isEqualTo(3);
        assertThat(status.get("rejected").asLong()).isZero();

        var won = prospects.get(manager.asActor(), fresh.id());
        assertThat(won.stage()).as("the file's lifecycle stage").isEqualTo(Stage.WON);
        assertThat(won.doNotCall()).isTrue();
        assertThat(won.emailOptOut()).isTrue();

        var stillOut = prospects.get(manager.asActor(), optedOut.id());
        assertThat(stillOut.doNotCall())
                .as("a file saying 0 undoes no do-not-call")
                .isTrue();
        assertThat(stillOut.emailOptOut())
                .as("a file saying false undoes no opt-out")
                .isTrue();
        assertThat(stillOut.stage()).isEqualTo(Stage.NEW);

        assertThat(prospects.get(manager.asActor(), engaged.id()).stage())
                .as("an older open stage from a CRM does not move a prospect back")
                .isEqualTo(Stage.ENGAGED);

        // a file without the consent columns leaves them as they are
        importAndWait(manager, "Full Name,Email\n" + stillOut.fullName() + "," + stillOut.email() + "\n");
        var after = prospects.get(manager.asActor(), optedOut.id());
        assertThat(after.doNotCall()).isTrue();
        assertThat(after.emailOptOut()).isTrue();

        // the engine hears of the new do-not-call as after a change by API: the open calls are cancelled
        var deadline = System.nanoTime() + 30_000_000_000L;
        while (openTasks(fresh) > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(openTasks(fresh))
                .as("open calls of a prospect the file says not to call")
                .isZero();
    }

    private static String row(Prospect p, String stage, String doNotCall, String optOut) {
        return String.join(",", p.fullName(), p.email(), stage, doNotCall, optOut) + "\n";
    }

    private long openTasks(Prospect p) {
        return jdbc.sql("select count(*) from tasks where prospect_id = ? and status = 'OPEN'")
                .param(p.id())
                .query(Long.class)
                .single();
    }

    private JsonNode importAndWait(Member member, String csv) throws Exception {
        return ImportsByApi.importAndWait(mvc, json, given.bearer(member), csv);
    }
}
