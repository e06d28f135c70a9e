package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
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
 * The mapping step: upload, see what the first rows become, correct a column, choose owner, next step and
 * duplicates, import; the corrected columns are remembered for the next file with the same headers. And
 * nothing valid is lost: values that cannot be used are set aside with a warning on their row.
 */
@ApplicationTest
class ImportPreviewTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aColumnCorrectedInThePreviewIsImportedAndRememberedForTheSameHeaders() throws Exception {
        var manager = given.manager();
        var tag = tag();
        // headers no CRM writes: the person column is not recognised, so the file cannot be imported as it is
        var header = "Kontaktperson " + tag + ",Mail,Tel,Firma\n";
        var csv = header + "Rosa Diaz,rosa." + tag + "@nine-nine.example,+1 212 555 0171,Nine-Nine LLC\n";

        var preview = post(manager, "/api/v1/imports/previews", csv, "text/csv", HttpStatus.CREATED);
        assertThat(preview.get("problem").asString()).contains("no name column");
        assertThat(column(preview, "Mail").get("field").asString()).isEqualTo("email");
        assertThat(column(preview, "Kontaktperson " + tag).get("field").isNull())
                .isTrue();
        assertThat(preview.get("rows")
                        .get(0)
                        .get("errors")
                        .get(0)
                        .get("message")
                        .asString())
                .contains("required");
        var id = preview.get("id").asString();

        var corrected = post(
                manager,
                "/api/v1/imports/previews/" + id + "/mapping",
                "{\"columns\": {\"Kontaktperson " + tag + "\": \"fullName\"}}",
                "application/json",
                HttpStatus.OK);
        assertThat(corrected.get("problem").isNull()).isTrue();
        var becomes = corrected.get("rows").get(0).get("becomes");
        assertThat(becomes.get("fullName").asString()).isEqualTo("Rosa Diaz");
        assertThat(becomes.get("company").asString()).isEqualTo("Nine-Nine LLC");
        assertThat(becomes.get("phoneE164").asString()).isEqualTo("+12125550171");

        var choices = "{\"columns\": {\"Kontaktperson " + tag + "\": \"fullName\"}, \"owner\": \"ME\","
                + " \"next\": \"none\", \"duplicates\": \"UPDATE\"}";
        var started = post(
                manager, "/api/v1/imports/previews/" + id + "/start", choices, "application/json", HttpStatus.ACCEPTED);
        var status = await(manager, started.get("location").asString());
        assertThat(status.get("status").asString()).isEqualTo("DONE");
        assertThat(status.get("imported").asLong()).isEqualTo(1);
        var rosa = find(manager, "rosa." + tag);
        assertThat(rosa.get("fullName").asString()).isEqualTo("Rosa Diaz");
        assertThat(rosa.get("ownerId").asString()).isEqualTo(manager.id().toString());
        // nothing next: the import's new prospect is in no cadence
        Thread.sleep(500);
        assertThat(enrolments(UUID.fromString(rosa.get("id").asString()))).isZero();

        // the next file with the same headers is mapped as corrected, in the preview and in a one-shot import
        var again = header + "Jake Peralta,jake." + tag + "@nine-nine.example,+1 212 555 0172,Nine-Nine LLC\n";
        var remembered = post(manager, "/api/v1/imports/previews", again, "text/csv", HttpStatus.CREATED);
        assertThat(remembered.get("remembered").asBoolean()).isTrue();
        assertThat(column(remembered, "Kontaktperson " + tag).get("field").asString())
                .isEqualTo("fullName");
        var oneShot = importAndWait(manager, again);
        assertThat(oneShot.get("imported").asLong()).isEqualTo(1);
        assertThat(find(manager, "jake." + tag).get("fullName").asString()).isEqualTo("Jake Peralta");
    }

    @Test
    void duplicatesCanBeLeftAsTheyAreAndFoundByTheSourceCrmsId() throws Exception {
        var manager = given.manager();
        var tag = tag();
        var first = "Record ID,First Name,Last Name,Email,Job Title\n" + "hs-" + tag + ",Amy,Santiago,amy." + tag
                + "@nine-nine.example,Sergeant\n";
        importAndWait(manager, first);

        // the same person by the CRM's id, with a new email: found, and left as they are
        var second = "Record ID,First Name,Last Name,Email,Job Title\n" + "hs-" + tag + ",Amy,Santiago,amy.santiago."
                + tag + "@nine-nine.example,Captain\n";
        var preview = post(manager, "/api/v1/imports/previews", second, "text/csv", HttpStatus.CREATED);
        var skip = "{\"matchBy\": [\"EMAIL\", \"CRM_ID\"], \"duplicates\": \"SKIP\"}";
        var started = post(
                manager,
                "/api/v1/imports/previews/" + preview.get("id").asString() + "/start",
                skip,
                "application/json",
                HttpStatus.ACCEPTED);
        var status = await(manager, started.get("location").asString());
        assertThat(status.get("imported").asLong()).isZero();
        assertThat(status.get("updated").asLong()).isZero();
        assertThat(status.get("warnings").get(0).get("message").asString()).contains("left as it is");
        assertThat(find(manager, "amy." + tag).get("title").asString()).isEqualTo("Sergeant");

        // updated instead, the CRM's id still finds them
        var again = post(manager, "/api/v1/imports/previews", second, "text/csv", HttpStatus.CREATED);
        var update = "{\"matchBy\": [\"EMAIL\", \"CRM_ID\"], \"duplicates\": \"UPDATE\"}";
        var updated = await(
                manager,
                post(
                                manager,
                                "/api/v1/imports/previews/" + again.get("id").asString() + "/start",
                                update,
                                "application/json",
                                HttpStatus.ACCEPTED)
                        .get("location")
                        .asString());
        assertThat(updated.get("updated").asLong()).isEqualTo(1);
        assertThat(find(manager, "amy.santiago." + tag).get("title").asString()).isEqualTo("Captain");
    }

    @Test
    void aNextStepThatIsNoCadenceIsRefusedNamingTheField() throws Exception {
        var manager = given.manager();
        var preview = post(
                manager,
                "/api/v1/imports/previews",
                "Full Name,Email\nA B,ab." + tag() + "@example.com\n",
                "text/csv",
                HttpStatus.CREATED);
        var refused = mvc.post()
                .uri("/api/v1/imports/previews/" + preview.get("id").asString() + "/start")
                .header("Authorization", given.bearer(manager))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"next\": \"no-such-cadence\"}")
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(refused.getResponse().getContentAsString()).contains("next").doesNotContain("select ");
        // another member does not see the upload
        assertThat(mvc.get()
                        .uri("/api/v1/imports/previews/" + preview.get("id").asString())
                        .header("Authorization", given.bearer(given.rep())))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aValueThatCannotBeUsedIsSetAsideWithAWarningAndTheRowIsImported() throws Exception {
        var manager = given.manager();
        var tag = tag();
        var csv = "Full Name,Email,Phone,Time Zone,Owner,Lead Status,Country\n"
                + "Gina Linetti,\"gina." + tag + "@nine-nine.example; gina.l." + tag + "@mail.example\","
                + "\"+1 212 555 0173, +1 917 555 0174\",Mars/Olympus_Mons,nobody@elsewhere.example,Fabulous,US\n";

        var status = importAndWait(manager, csv);

        assertThat(status.get("imported").asLong()).isEqualTo(1);
        assertThat(status.get("rejected").asLong()).isZero();
        assertThat(status.get("warned").asLong()).isEqualTo(1);
        var warnings = status.get("warnings").toString();
        assertThat(warnings)
                .contains("Time Zone", "Mars/Olympus_Mons", "Owner", "nobody@elsewhere.example", "Fabulous");
        assertThat(warnings).doesNotContain("Exception", "select ", "insert ");
        var gina = find(manager, "gina." + tag);
        assertThat(gina.get("phoneE164").asString()).isEqualTo("+12125550173");
        var points = get(manager, "/api/v1/prospects/" + gina.get("id").asString() + "/contact-points")
                .toString();
        assertThat(points).contains("gina.l." + tag + "@mail.example", "+19175550174");
    }

    @Test
    void anErasedPersonDoesNotComeBackByAnAddressTheImportKeptBesideTheMainOne() throws Exception {
        var rep = given.rep();
        var tag = tag();
        var csv = "Full Name,Email,Other Email\nHolt Raymond,holt." + tag + "@nine-nine.example,captain." + tag
                + "@mail.example\n";
        importAndWait(rep, csv);
        var holt = find(rep, "holt." + tag);
        assertThat(mvc.delete()
                        .uri("/api/v1/prospects/" + holt.get("id").asString())
                        .header("Authorization", given.bearer(rep)))
                .hasStatus(HttpStatus.NO_CONTENT);

        var back = importAndWait(rep, "Full Name,Email\nHolt Raymond,captain." + tag + "@mail.example\n");

        assertThat(back.get("imported").asLong()).isZero();
        assertThat(back.get("errors").get(0).get("message").asString()).contains("erased");
    }

    private static JsonNode column(JsonNode preview, String header) {
        for (var c : preview.get("columns")) {
            if (c.get("header").asString().equals(header)) {
                return c;
            }
        }
        throw new AssertionError("no column " + header + " in " + preview.get("columns"));
    }

    private long enrolments(UUID prospectId) {
        return jdbc.sql("select count(*) from enrolments where prospect_id = ?")
                .param(prospectId)
                .query(Long.class)
                .single();
    }

    private JsonNode post(Member member, String uri, String body, String type, HttpStatus expected) throws Exception {
        var result = mvc.post()
                .uri(uri)
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.parseMediaType(type))
                .content(body.getBytes(StandardCharsets.UTF_8))
                .exchange();
        assertThat(result).hasStatus(expected);
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode importAndWait(Member member, String csv) throws Exception {
        var started = post(member, "/api/v1/imports", csv, "text/csv", HttpStatus.ACCEPTED);
        return await(member, started.get("location").asString());
    }

    private JsonNode await(Member member, String location) throws Exception {
        var deadline = System.nanoTime() + 120_000_000_000L;
        JsonNode status = get(member, location);
        while (status.get("status").asString().equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = get(member, location);
        }
        return status;
    }

    private JsonNode find(Member member, String emailStart) throws Exception {
        var page = get(member, "/api/v1/prospects?q=" + emailStart);
        assertThat(page.get("total").asLong())
                .as("prospects matching " + emailStart)
                .isEqualTo(1);
        return page.get("items").get(0);
    }

    private JsonNode get(Member member, String uri) throws Exception {
        var result =
                mvc.get().uri(uri).header("Authorization", given.bearer(member)).exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
