package org.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.OutsidePart;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fuzzer from the npm registry, driven by the OpenAPI description the running server publishes,
 * finds no 5xx and no answer outside the documented shapes. Portman ({@code @apideck/portman}, pinned
 * with newman, Ajv and the rest in {@code src/test/fuzz/package-lock.json}) turns the description into
 * a Postman collection with one request per operation and its fuzzing variations (required fields left
 * out, numbers out of range, strings too short or too long, wherever the description declares such a
 * constraint). Because Portman fuzzes only what the description constrains, {@code fuzz.mjs} adds
 * variations of its own to every operation (each property of the wrong type or null, an empty object,
 * an array, malformed JSON, malformed path parameters, query parameters of the wrong type or an unknown
 * enum value). newman sends everything as an administrator and as a rep (HTTP Basic), and every answer
 * is checked against the description: no 5xx, a documented status, the media type documented for it, a
 * JSON body valid against its documented schema (Ajv, JSON Schema 2020-12), every error
 * application/problem+json with a detail. The live notification stream never ends, so it is opened,
 * checked by status and media type, and closed. Each finding is printed with its operation, request,
 * status and body.
 *
 * <p>The fuzzer creates, changes and erases what it is given, including team-wide settings: the
 * context is thrown away after it, so no other test sees its data.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ApiFuzzTest {

    private static final Path FUZZ = Path.of("src/test/fuzz");
    private static final Path OUT = Path.of("target/api-fuzz");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Given given;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void findsNo5xxAndNoAnswerOutsideTheDocumentedShapes() throws Exception {
        var node = which("node");
        var npm = which("npm");
        OutsidePart.require(node != null && npm != null, "Node.js with npm (for the API fuzzer, Portman and newman)");
        if (!Files.isDirectory(FUZZ.resolve("node_modules/@apideck/portman"))) {
            Commands.run(
                    List.of(npm, "ci", "--no-audit", "--no-fund", "--prefer-offline"), FUZZ, java.util.Map.of(), 300);
        }
        Files.createDirectories(OUT);

        var admin = given.admin();
        var rep = given.rep();
        var description = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")
                        .with(SecurityMockMvcRequestPostProcessors.httpBasic(admin.email(), Given.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Files.writeString(OUT.resolve("openapi.json"), description);
        // each role's own prospect: its operations reach past the lookup into what they do with a real one
        // (and one role erasing its prospect at the end leaves the other's)
        Files.writeString(
                OUT.resolve("roles.json"), json.writeValueAsString(List.of(role("ADMIN", admin), role("REP", rep))));

        var output = Commands.run(
                List.of(
                        node,
                        "fuzz.mjs",
                        "../../../" + OUT.resolve("openapi.json"),
                        "http://127.0.0.1:" + port,
                        "../../../" + OUT.resolve("run"),
                        "../../../" + OUT.resolve("roles.json")),
                FUZZ,
                java.util.Map.of(),
                600);

        var findings = new ArrayList<String>();
        JsonNode summary = null;
        for (var line : output.lines().toList()) {
            if (line.startsWith("FINDING ")) {
                findings.add(describe(json.readTree(line.substring("FINDING ".length()))));
            } else if (line.startsWith("SUMMARY ")) {
                summary = json.readTree(line.substring("SUMMARY ".length()));
            }
        }
        assertThat(summary).as("the fuzzer's summary\n" + output).isNotNull();
        System.out.println("API fuzzing: " + summary);
        assertThat(summary.path("uncovered").size())
                .as("operations of the description the fuzzer sent nothing to: " + summary.path("uncovered"))
                .isZero();
        assertThat(summary.path("covered").asInt()).isGreaterThan(60);
        assertThat(summary.path("requests").asInt())
                .as("requests sent")
                .isGreaterThan(2 * summary.path("covered").asInt());
        assertThat(findings)
                .as(findings.size() + " answers outside the documented shapes:\n" + String.join("\n\n", findings))
                .isEmpty();
    }

    private Map<String, Object> role(String role, Member member) {
        var prospect = given.prospect(member);
        return Map.of(
                "role",
                role,
                "username",
                member.email(),
                "password",
                Given.PASSWORD,
                "resources",
                Map.of("/api/v1/prospects/{id}", Map.of("id", prospect.id().toString())));
    }

    private static String describe(JsonNode finding) {
        return finding.path("operation").asString() + " as "
                + finding.path("role").asString() + " ("
                + finding.path("variation").asString() + ")\n  request: "
                + finding.path("request").asString() + "\n  answer:  "
                + finding.path("status").asInt() + " "
                + finding.path("contentType").asString() + " "
                + finding.path("body").asString() + "\n  "
                + finding.path("problems").toString();
    }

    private static String which(String program) {
        var path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (var dir : path.split(File.pathSeparator)) {
            var candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
