package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.team.Member;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Each export layout FollowThrough knows, as its CRM writes it (src/test/resources/imports, sources in the
 * README there), imports with every person, company, email and phone kept, the stage and consent its
 * columns give, and its report footer recognised rather than rejected; through the API and through the
 * mapping pages with a column corrected. What each file must become is written by hand in
 * imports/expected.tsv.
 */
@ApplicationTest
class CrmExportsTest {

    record Person(
            String fullName,
            String company,
            List<String> emails,
            List<String> phones,
            String stage,
            boolean doNotCall,
            boolean emailOptOut) {}

    record Fixture(String name, List<Person> people, int footerLines) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    ObjectMapper json;

    static Stream<Fixture> fixtures() throws IOException {
        var people = new LinkedHashMap<String, List<Person>>();
        var footers = new HashMap<String, Integer>();
        for (var line : resource("expected.tsv").lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var c = line.split("\t", -1);
            if (c[0].equals("footer")) {
                footers.put(c[1], Integer.parseInt(c[2]));
                continue;
            }
            people.computeIfAbsent(c[0], k -> new ArrayList<>())
                    .add(new Person(
                            c[1],
                            c[2],
                            Arrays.asList(c[3].split(" ")),
                            Arrays.asList(c[4].split(" ")),
                            c[5],
                            Boolean.parseBoolean(c[6]),
                            Boolean.parseBoolean(c[7])));
        }
        return people.entrySet().stream()
                .map(e -> new Fixture(e.getKey(), e.getValue(), footers.getOrDefault(e.getKey(), 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyPersonCompanyEmailAndPhoneIsKept(Fixture fixture) throws Exception {
        var manager = given.manager();
        var status = importAndWait(manager, bytes(fixture.name() + ".csv"));
        assertKept(manager, fixture, status);
    }

    /**
     * The same file through the pages, as a person would take it: its first email column (else phone)
     * carries a header no CRM gives, so the preview proposes to ignore it; they correct it, see the rows
     * again with it, import, and everything is kept as through the API.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void throughTheMappingPageWithACorrectedColumn(Fixture fixture) throws Exception {
        var manager = given.manager();
        var original = bytes(fixture.name() + ".csv");
        var proposed = fieldsOf(previewPage(manager, original));
        int corrected = proposed.indexOf("email") >= 0 ? proposed.indexOf("email") : proposed.indexOf("phone");
        assertThat(corrected).as("an email or phone column in " + proposed).isNotNegative();
        var field = proposed.get(corrected);

        var renamed = renameHeader(original, corrected, proposed.size(), "Contact 7 (custom)");
        var page = previewPage(manager, renamed);
        var id = previewId(page);
        var fields = fieldsOf(page);
        assertThat(fields.get(corrected))
                .as("a header no CRM gives is not recognised")
                .isEqualTo("-");

        fields.set(corrected, field);
        var again = pageForm(manager, "/imports/previews/" + id, fields);
        assertThat(again).hasStatusOk();
        var shown = again.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fieldsOf(shown)).as("the corrected column").isEqualTo(fields);
        var first = fixture.people().get(0);
        assertThat(shown)
                .as("the first row as it becomes")
                .contains(
                        field.equals("email")
                                ? first.emails().get(0)
                                : first.phones().get(0));

        var started = pageForm(manager, "/imports/previews/" + id + "/start", fields);
        assertThat(started).hasStatus3xxRedirection().hasRedirectedUrl("/imports/" + id);
        assertKept(manager, fixture, waitFor(manager, "/api/v1/imports/" + id));
    }

    private void assertKept(Member manager, Fixture fixture, JsonNode status) throws Exception {
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
        assertThat(status.get("rejected").asLong())
                .as(status.get("errors").toString())
                .isZero();
        assertThat(status.get("imported").asLong() + status.get("updated").asLong())
                .isEqualTo(fixture.people().size());
        assertThat(status.get("footerLines").asLong()).isEqualTo(fixture.footerLines());
        // the only values set aside are owners the files name who are not members of this team
        status.get("warnings")
                .forEach(w ->
                        assertThat(w.get("message").asString()).as(w.toString()).contains("is not an active member"));
        for (var person : fixture.people()) {
            var found = find(manager, person.emails().get(0));
            var id = found.get("id").asString();
            assertThat(found.get("fullName").asString()).isEqualTo(person.fullName());
            assertThat(found.get("company").asString()).isEqualTo(person.company());
            assertThat(found.get("email").asString()).isEqualTo(person.emails().get(0));
            assertThat(found.get("phoneE164").asString())
                    .isEqualTo(person.phones().get(0));
            assertThat(found.get("stage").asString()).as(person.fullName()).isEqualTo(person.stage());
            assertThat(found.get("doNotCall").asBoolean()).as("do not call").isEqualTo(person.doNotCall());
            assertThat(found.get("emailOptOut").asBoolean()).as("email opt out").isEqualTo(person.emailOptOut());
            var points = get(manager, "/api/v1/prospects/" + id + "/contact-points");
            var others = new HashMap<String, List<String>>();
            points.forEach(p -> others.computeIfAbsent(p.get("kind").asString(), k -> new ArrayList<>())
                    .add(p.get("value").asString()));
            assertThat(others.getOrDefault("EMAIL", List.of()))
                    .as("other emails of " + person.fullName())
                    .containsExactlyInAnyOrderElementsOf(
                            person.emails().subList(1, person.emails().size()));
            assertThat(others.getOrDefault("PHONE", List.of()))
                    .as("other phones of " + person.fullName())
                    .containsExactlyInAnyOrderElementsOf(
                            person.phones().subList(1, person.phones().size()));
        }
    }

    private String previewPage(Member member, byte[] file) throws Exception {
        var result = mvc.post()
                .uri("/imports/preview")
                .multipart()
                .file(new MockMultipartFile("file", "export.csv", "text/csv", file))
                .with(httpBasic(member.email(), Given.PASSWORD))
                .with(csrf())
                .exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Submits the preview's form with these fields by column and the default choices. */
    private org.springframework.test.web.servlet.assertj.MvcTestResult pageForm(
            Member member, String uri, List<String> fields) {
        var request = mvc.post()
                .uri(uri)
                .with(httpBasic(member.email(), Given.PASSWORD))
                .with(csrf())
                .param("owner", "COLUMN")
                .param("next", "first-time-calls")
                .param("matchBy", "PHONE")
                .param("duplicates", "UPDATE");
        for (int i = 0; i < fields.size(); i++) {
            request = request.param("field-" + i, fields.get(i));
        }
        return request.exchange();
    }

    private static final Pattern PREVIEW_ID = Pattern.compile("action=\"/imports/previews/([0-9a-f-]{36})/start\"");
    private static final Pattern SELECT =
            Pattern.compile("<select id=\"field-(\\d+)\"[^>]*>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern SELECTED = Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected");

    private static String previewId(String page) {
        var id = PREVIEW_ID.matcher(page);
        assertThat(id.find()).as("the preview's form").isTrue();
        return id.group(1);
    }

    /** The field each column's select shows, by column; "-" for an ignored column. */
    private static List<String> fieldsOf(String page) {
        var fields = new ArrayList<String>();
        var select = SELECT.matcher(page);
        while (select.find()) {
            assertThat(Integer.parseInt(select.group(1))).isEqualTo(fields.size());
            var selected = SELECTED.matcher(select.group(2));
            fields.add(selected.find() ? selected.group(1) : "-");
        }
        assertThat(fields).as("the columns of the preview").isNotEmpty();
        return fields;
    }

    /** The file with the header of one column replaced, quoted as the file quotes it. */
    private static byte[] renameHeader(byte[] file, int column, int columns, String header) {
        var text = new String(file, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        var line = text.substring(0, end);
        var cells = line.split(",", -1);
        assertThat(cells).as("the header row of " + line).hasSize(columns);
        cells[column] = cells[column].startsWith("\"") ? "\"" + header + "\"" : header;
        return (String.join(",", cells) + text.substring(end)).getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode importAndWait(Member member, byte[] body) throws Exception {
        var started = mvc.post()
                .uri("/api/v1/imports")
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.parseMediaType("text/csv"))
                .content(body)
                .exchange();
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        return waitFor(member, started.getResponse().getHeader("Location"));
    }

    private JsonNode waitFor(Member member, String location) throws Exception {
        var deadline = System.nanoTime() + 120_000_000_000L;
        JsonNode status = get(member, location);
        while (status.get("status").asString().equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = get(member, location);
        }
        return status;
    }

    private JsonNode find(Member member, String email) throws Exception {
        var page = get(member, "/api/v1/prospects?q=" + email);
        assertThat(page.get("total").asLong()).as("prospects matching " + email).isEqualTo(1);
        return page.get("items").get(0);
    }

    private JsonNode get(Member member, String uri) throws Exception {
        var result =
                mvc.get().uri(uri).header("Authorization", given.bearer(member)).exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = CrmExportsTest.class.getResourceAsStream("/imports/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String resource(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
