package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.SignalSender;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** CSV files as CRMs export them come in; bad rows are named and good rows stored; export is safe. */
@ApplicationTest
class ImportExportTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHubSpotExportIsMappedBadRowsAreNamedAndGoodRowsStored() throws Exception {
        var rep = given.rep();
        var tag = tag();
        var csv =
                """
                First Name,Last Name,Email Address,Phone Number,Company Name,Job Title,Country/Region,Website,Favourite Colour
                Ana,Silva,ana.%1$s@acme.example,+55 11 3456-7890,"Acme, Inc.",CTO,Brazil,https://www.acme-%1$s.example/about,blue
                Ben,Okafor,not-an-email,+44 20 7946 0958,Globex,Head of Sales,United Kingdom,globex.example,green
                Dana,Reyes,dana.%1$s@umbrella.example,+1 212 555 0147,Umbrella,"Head of
                Sales",United States,umbrella.example,grey
                Chloé,Martin,chloe.%1$s@initech.example,01 42 68 53 00,Initech,,France,,red
                """
                        .formatted(tag);

        var status = importAndWait(rep, csv.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(status.get("status").asString()).isEqualTo("DONE");
        assertThat(status.get("processed").asLong()).isEqualTo(4);
        assertThat(status.get("imported").asLong()).isEqualTo(2);
        assertThat(status.get("rejected").asLong()).isEqualTo(2);
        assertThat(status.get("ignoredColumns").get(0).asString()).isEqualTo("Favourite Colour");
        // Ben's address is none; Dana's title holds a line break in a one-line field, which is refused
        // naming its column rather than stored altered
        var byRow = new java.util.HashMap<Long, String>();
        status.get("errors")
                .forEach(e -> byRow.put(
                        e.get("row").asLong(),
                        e.get("column").asString() + ": " + e.get("message").asString()));
        assertThat(byRow).containsOnlyKeys(3L, 4L);
        assertThat(byRow.get(3L)).startsWith("Email Address: ").contains("not-an-email");
        assertThat(byRow.get(4L)).startsWith("Job Title: ").contains("line break");

        var ana = find(rep, "ana." + tag);
        assertThat(ana.get("fullName").asString()).isEqualTo("Ana Silva");
        assertThat(ana.get("company").asString()).isEqualTo("Acme, Inc.");
        assertThat(ana.get("phoneE164").asString()).isEqualTo("+551134567890");
        assertThat(ana.get("timeZone").asString()).isEqualTo("America/Sao_Paulo");
        assertThat(ana.get("companyDomain").asString()).isEqualTo("acme-" + tag + ".example");
        var chloe = find(rep, "chloe." + tag);
        assertThat(chloe.get("phoneE164").asString()).isEqualTo("+33142685300");
        assertThat(chloe.get("fullName").asString()).isEqualTo("Chloé Martin");
    }

    @Test
    void aSemicolonWindows1252FileAndTheSameFileAgainUpdateWithoutDuplicates() throws Exception {
        var manager = given.manager();
        var tag = tag();
        var csv = "Name;Email;Mobile Phone;Account Name;Mailing Country;Do Not Call\r\n"
                + "Jürgen Groß;jurgen." + tag + "@beispiel.example;0151 23456789;Müller GmbH;Deutschland;yes\r\n"
                + "Zoë Ünal;zoe." + tag + "@beispiel.example;;Müller GmbH;DE;no\r\n";
        var bytes = csv.getBytes(Charset.forName("windows-1252"));

        var first = importAndWait(manager, bytes, "text/csv");
        assertThat(first.get("format").asString()).contains("Windows-1252", "semicolon");
        assertThat(first.get("imported").asLong()).isEqualTo(2);
        var again = importAndWait(manager, bytes, "text/csv");
        assertThat(again.get("imported").asLong()).isZero();
        assertThat(again.get("updated").asLong()).isEqualTo(2);

        var page = get(manager, "/api/v1/prospects?q=" + tag);
        assertThat(page.get("total").asLong()).isEqualTo(2);
        var jurgen = find(manager, "jurgen." + tag);
        assertThat(jurgen.get("fullName").asString()).isEqualTo("Jürgen Groß");
        assertThat(jurgen.get("company").asString()).isEqualTo("Müller GmbH");
        assertThat(jurgen.get("doNotCall").asBoolean()).isTrue();
        assertThat(jurgen.get("timeZone").asString()).isEqualTo("Europe/Berlin");
    }

    @Test
    void aWindows1252FileWhoseFirstAccentComesAfterTheFirst64KbIsReadAsWritten() throws Exception {
        var manager = given.manager();
        var tag = tag();
        var csv = new StringBuilder("Full Name,Email,Company,Notes\r\n");
        for (int i = 0; csv.length() < 80 * 1024; i++) {
            csv.append("Plain Name ")
                    .append(i)
                    .append(",plain")
                    .append(i)
                    .append('.')
                    .append(tag);
            csv.append("@example.com,Plain Co,").append("n".repeat(400)).append("\r\n");
        }
        csv.append("Jürgen Müller,jurgen.").append(tag).append("@beispiel.example,Müller & Söhne,\r\n");

        var status = importAndWait(manager, csv.toString().getBytes(Charset.forName("windows-1252")), "text/csv");

        assertThat(status.get("status").asString()).isEqualTo("DONE");
        assertThat(status.get("format").asString()).contains("Windows-1252");
        var jurgen = find(manager, "jurgen." + tag);
        assertThat(jurgen.get("fullName").asString()).isEqualTo("Jürgen Müller");
        assertThat(jurgen.get("company").asString()).isEqualTo("Müller & Söhne");
    }

    @Test
    void aUtf8FileWithBomAndTabsUploadedAsAFileWorksToo() throws Exception {
        var rep = given.rep();
        var tag = tag();
        var text =
                "\uFEFFFull Name\tEmail\tPhone\tCountry\nLi Wei\tli." + tag + "@example.com\t+86 10 6552 9988\tChina\n";
        var file = new MockMultipartFile(
                "file", "leads.tsv", "text/tab-separated-values", text.getBytes(StandardCharsets.UTF_8));
        var started = mvc.post()
                .uri("/api/v1/imports")
                .header("Authorization", given.bearer(rep))
                .multipart()
                .file(file)
                .exchange();
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        var status = await(
                rep,
                json.readTree(started.getResponse().getContentAsString())
                        .get("location")
                        .asString());
        assertThat(status.get("imported").asLong()).isEqualTo(1);
        assertThat(find(rep, "li." + tag).get("timeZone").asString()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void filesThatAreNotCsvFailWithAClearReasonAndTheServerKeepsServing() throws Exception {
        var rep = given.rep();
        assertThat(importAndWait(rep, new byte[0], "text/csv").get("failure").asString())
                .contains("empty");
        assertThat(importAndWait(rep, new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2}, "application/octet-stream")
                        .get("failure")
                        .asString())
                .contains("Excel");
        assertThat(importAndWait(rep, "Colour,Size\nred,L\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                        .get("failure")
                        .asString())
                .contains("no name column");

        var tag = tag();
        var broken = "Full Name,Email\nGood Row,good." + tag + "@example.com\nBroken,\"never closed@example.com\n"
                + "x".repeat(2 * 1024 * 1024) + "\n";
        var status = importAndWait(rep, broken.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(status.get("status").asString()).isEqualTo("FAILED");
        assertThat(status.get("failure").asString()).contains("Row 3", "quote");
        assertThat(find(rep, "good." + tag).get("fullName").asString()).isEqualTo("Good Row");
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
    }

    @Test
    void aQuoteLeftOpenNearTheEndFailsNamingItsRowInsteadOfSwallowingTheRest() throws Exception {
        var rep = given.rep();
        var tag = tag();
        var csv = new StringBuilder("Full Name,Email,Company\n");
        csv.append("Good Row,good.").append(tag).append("@example.com,Acme\n");
        csv.append("Open Quote,open.").append(tag).append("@example.com,\"Acme, Inc.\n");
        for (int i = 0; csv.length() < 100 * 1024; i++) {
            csv.append("Tail ").append(i).append(",tail").append(i).append('.').append(tag);
            csv.append("@example.com,Tail Co\n");
        }

        var status = importAndWait(rep, csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(status.get("status").asString()).isEqualTo("FAILED");
        assertThat(status.get("failure").asString())
                .startsWith("Row 3 opens a quote")
                .contains("never closed");
        assertThat(find(rep, "good." + tag).get("fullName").asString()).isEqualTo("Good Row");
        assertThat(get(rep, "/api/v1/prospects?q=open." + tag).get("total").asLong())
                .isZero();
        assertThat(get(rep, "/api/v1/prospects?q=tail0." + tag).get("total").asLong())
                .isZero();
    }

    @Test
    void rowNumbersCountBlankLinesAsASpreadsheetDoes() throws Exception {
        var rep = given.rep();
        var tag = tag();
        var csv = "\nFull Name,Email\n\nGood Row,good." + tag + "@example.com\n\n,\nBad Row,not-an-email\n";

        var status = importAndWait(rep, csv.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(status.get("imported").asLong()).isEqualTo(1);
        assertThat(status.get("rejected").asLong()).isEqualTo(1);
        assertThat(status.get("errors").get(0).get("row").asLong()).isEqualTo(7);
    }

    @Test
    void aBadPhoneBesideAValidMobileKeepsTheMobileAndOnlyNoValidNumberRejects() throws Exception {
        var rep = given.rep();
        var tag = tag();
        var csv = "Full Name,Email,Phone,Mobile Phone,Country\n"
                + "Mobile Only," + "mobile." + tag + "@example.com,ask reception,+44 7911 123456,GB\n"
                + "Both Valid," + "both." + tag + "@example.com,+44 20 7946 0958,+44 7911 123457,GB\n"
                + "Neither," + "neither." + tag + "@example.com,ask reception,12,GB\n";

        var status = importAndWait(rep, csv.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(status.get("imported").asLong()).isEqualTo(2);
        assertThat(find(rep, "mobile." + tag).get("phoneE164").asString()).isEqualTo("+447911123456");
        assertThat(find(rep, "both." + tag).get("phoneE164").asString()).isEqualTo("+442079460958");
        var error = status.get("errors").get(0);
        assertThat(error.get("row").asLong()).isEqualTo(4);
        assertThat(error.get("column").asString()).isEqualTo("Phone");
        assertThat(error.get("message").asString()).contains("ask reception");
    }

    @Test
    void anImportThatGivesAProspectAnotherOwnerMovesTheirOpenCalls() throws Exception {
        var before = given.rep();
        var after = given.rep();
        var moved = given.prospect(before);
        var stays = given.prospect(before);
        assertThat(openCalls(moved.id(), before.id())).isPositive();
        var csv = "Full Name,Email,Owner\n" + moved.fullName() + "," + moved.email() + "," + after.email() + "\n"
                + stays.fullName() + "," + stays.email() + "," + before.email() + "\n";

        var status = importAndWait(given.manager(), csv.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(status.get("updated").asLong()).isEqualTo(2);
        SignalSender.await(
                () -> openCalls(moved.id(), after.id()) > 0 && openCalls(moved.id(), before.id()) == 0 ? true : null);
        assertThat(openCalls(stays.id(), before.id())).isPositive();
    }

    private long openCalls(UUID prospectId, UUID ownerId) {
        return jdbc.sql("select count(*) from tasks where prospect_id = ? and owner_id = ? and status = 'OPEN'")
                .params(prospectId, ownerId)
                .query(Long.class)
                .single();
    }

    @Test
    void anErasedPersonInAFileIsARejectedRow() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        assertThat(mvc.delete().uri("/api/v1/prospects/" + prospect.id()).header("Authorization", given.bearer(rep)))
                .hasStatus(HttpStatus.NO_CONTENT);
        var csv = "Full Name,Email\nComes Back," + prospect.email() + "\n";
        var status = importAndWait(rep, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(status.get("rejected").asLong()).isEqualTo(1);
        assertThat(status.get("errors").get(0).get("message").asString()).contains("erased");
    }

    @Test
    void theExportNeutralisesFormulasAndImportsBackAsTheSamePeople() throws Exception {
        var rep = given.rep();
        var tag = tag();
        var csv = "Full Name,Email,Phone,Company,Job Title\n" + "Eve Formula,eve." + tag
                + "@example.com,+1 212 555 0199,\"=HYPERLINK(\"\"http://evil.example\"\")\",@SUM(A1)\n";
        importAndWait(rep, csv.getBytes(StandardCharsets.UTF_8), "text/csv");

        var export = mvc.get()
                .uri("/api/v1/prospects/export")
                .header("Authorization", given.bearer(rep))
                .exchange();
        assertThat(export).hasStatusOk();
        var text = export.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("'=HYPERLINK", "'@SUM(A1)", "'+1").doesNotContain(",=HYPERLINK");
        assertThat(text.lines().filter(l -> l.contains("@example.com")).count())
                .as("a rep's export holds only their prospects")
                .isEqualTo(1);

        var back = importAndWait(rep, text.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(back.get("updated").asLong()).isEqualTo(1);
        assertThat(back.get("rejected").asLong()).isZero();
        assertThat(find(rep, "eve." + tag).get("company").asString()).startsWith("=HYPERLINK");
    }

    @Test
    void anotherRepsImportIsNotFound() throws Exception {
        var rep = given.rep();
        var status =
                importAndWait(rep, "Full Name,Email\nA B,a@b.example\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(mvc.get()
                        .uri("/api/v1/imports/" + status.get("id").asString())
                        .header("Authorization", given.bearer(given.rep())))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    private JsonNode importAndWait(Member member, byte[] body, String type) throws Exception {
        var started = mvc.post()
                .uri("/api/v1/imports")
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.parseMediaType(type))
                .content(body)
                .exchange();
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        return await(member, started.getResponse().getHeader("Location"));
    }

    private JsonNode await(Member member, String location) throws Exception {
        var deadline = System.nanoTime() + 30_000_000_000L;
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
