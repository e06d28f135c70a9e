package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.team.Member;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Each export layout FollowThrough knows, as its CRM writes it (src/test/resources/imports, sources in the
 * README there), imports with every person, company, email and phone kept, the stage and consent its
 * columns give, and its report footer recognised rather than rejected. What each file must become is
 * written by hand in imports/expected.tsv.
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

    private JsonNode importAndWait(Member member, byte[] body) throws Exception {
        var started = mvc.post()
                .uri("/api/v1/imports")
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.parseMediaType("text/csv"))
                .content(body)
                .exchange();
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        var location = started.getResponse().getHeader("Location");
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
