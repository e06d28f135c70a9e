package org.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.OutsidePart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description is exact enough to generate a working client from: it lists only what a
 * client sends (never the signed-in member, whom the server resolves), real media types, and the
 * problem details every operation may answer with; and a client generated from it by a maintained
 * generator (openapi-typescript, type-checked by the TypeScript compiler, sent by openapi-fetch) calls
 * the running server.
 */
@ApplicationTest
class ApiDescriptionTest {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Path CLIENT = Path.of("src/test/client");
    private static final Path OUT = Path.of("target/api-client");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Given given;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    private String description() throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")
                        .with(SecurityMockMvcRequestPostProcessors.httpBasic(
                                given.admin().email(), Given.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private record Op(String method, String path, JsonNode operation) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private List<Op> operations(JsonNode description) {
        var ops = new ArrayList<Op>();
        description.get("paths").properties().forEach(path -> path.getValue()
                .properties()
                .forEach(m -> {
                    if (METHODS.contains(m.getKey())) {
                        ops.add(new Op(m.getKey(), path.getKey(), m.getValue()));
                    }
                }));
        return ops;
    }

    @Test
    void listsOnlyRealParametersRealMediaTypesAndProblemDetails() throws Exception {
        var description = json.readTree(description());
        var ops = operations(description);
        assertThat(ops).hasSizeGreaterThan(60);

        var actorParameters = ops.stream()
                .filter(op -> op.operation().path("parameters").valueStream().anyMatch(p -> p.path("name")
                        .asString()
                        .equals("actor")))
                .toList();
        assertThat(actorParameters)
                .as("operations that ask a client for the signed-in member")
                .isEmpty();
        assertThat(description.path("components").path("schemas").has("Actor"))
                .as("the signed-in member is no part of the contract")
                .isFalse();

        var anyMediaType = new ArrayList<String>();
        var withoutProblems = new ArrayList<Op>();
        for (var op : ops) {
            op.operation().path("requestBody").path("content").propertyNames().forEach(type -> {
                if (type.contains("*")) {
                    anyMediaType.add(op + " request " + type);
                }
            });
            boolean problems = false;
            for (var response : op.operation().path("responses").properties()) {
                for (var type : response.getValue().path("content").propertyNames()) {
                    if (type.contains("*")) {
                        anyMediaType.add(op + " " + response.getKey() + " " + type);
                    }
                    if (response.getKey().matches("4\\d\\d") && type.equals("application/problem+json")) {
                        problems = true;
                    }
                }
            }
            if (!problems) {
                withoutProblems.add(op);
            }
        }
        assertThat(anyMediaType).as("content typed */*").isEmpty();
        assertThat(withoutProblems)
                .as("operations without an application/problem+json error answer")
                .isEmpty();

        // the ones a client needs most, exactly
        var create = description.at("/paths/~1api~1v1~1prospects/post");
        assertThat(create.path("parameters").valueStream().map(p -> p.path("name")
                        .asString()))
                .containsExactly("ifExists");
        assertThat(create.at("/responses/409/content").propertyNames()).containsExactly("application/problem+json");
        assertThat(description
                        .at("/paths/~1api~1v1~1queue/get/responses/200/content")
                        .propertyNames())
                .containsExactly("application/json");
        assertThat(description
                        .at("/paths/~1api~1v1~1prospects~1export/get/responses/200/content")
                        .propertyNames())
                .containsExactly("text/csv");
        assertThat(description
                        .at("/paths/~1api~1v1~1imports/post/requestBody/content")
                        .propertyNames())
                .containsExactlyInAnyOrder("text/csv", "multipart/form-data");
        assertThat(description.at("/paths/~1api~1v1~1signals/post/security")).isEmpty();
        assertThat(description.at("/components/schemas/Problem/properties").propertyNames())
                .contains("type", "title", "status", "detail", "errors");
    }

    /** Operations that answer 201 when they create and 200 when they find what they would create. */
    private static final List<String> CREATE_OR_FIND = List.of("POST /api/v1/prospects");

    @Test
    void creationsAreDescribedWithTheStatusTheyAnswer() throws Exception {
        var description = json.readTree(description());
        var rep = given.rep();
        var bearer = given.bearer(rep);
        var unique = UUID.randomUUID().toString().substring(0, 8);
        var prospect = "{\"fullName\":\"Cree Ation\",\"email\":\"cree." + unique
                + "@acme.example\",\"phone\":\"+1 212 555 0142\",\"country\":\"US\"}";
        var answered = new java.util.LinkedHashMap<String, List<Integer>>();
        var created = send(bearer, "/api/v1/prospects", prospect);
        answered.put(
                "POST /api/v1/prospects",
                List.of(
                        created.getStatus(),
                        send(bearer, "/api/v1/prospects?ifExists=update", prospect)
                                .getStatus()));
        var id = json.readTree(created.getContentAsString()).path("id").asString();
        answered.put(
                "POST /api/v1/prospects/{id}/notes",
                List.of(send(bearer, "/api/v1/prospects/" + id + "/notes", "{\"text\":\"Asked for the price list\"}")
                        .getStatus()));
        answered.put(
                "POST /api/v1/prospects/{id}/calls",
                List.of(send(bearer, "/api/v1/prospects/" + id + "/calls", "{\"outcome\":\"NO_ANSWER\"}")
                        .getStatus()));
        answered.put(
                "POST /api/v1/tokens",
                List.of(send(bearer, "/api/v1/tokens", "{\"name\":\"laptop " + unique + "\"}")
                        .getStatus()));
        assertThat(answered.get("POST /api/v1/prospects"))
                .as("created, then found")
                .containsExactly(201, 200);
        answered.forEach((op, statuses) -> {
            var path = op.substring(op.indexOf(' ') + 1).replace("~", "~0").replace("/", "~1");
            var documented = description.at("/paths/" + path + "/post/responses").propertyNames().stream()
                    .filter(code -> code.startsWith("2"))
                    .map(Integer::valueOf)
                    .toList();
            assertThat(documented)
                    .as(op + ": documented as it answers")
                    .containsExactlyInAnyOrderElementsOf(
                            statuses.stream().distinct().toList());
        });
        // and no creation anywhere is described as 200 as well as 201, but for those that also find
        var both = operations(description).stream()
                .filter(op -> op.operation().path("responses").has("201"))
                .filter(op -> op.operation().path("responses").has("200"))
                .map(Op::toString)
                .toList();
        assertThat(both).containsExactlyInAnyOrderElementsOf(CREATE_OR_FIND);
        assertThat(operations(description).stream()
                        .filter(op -> op.operation().path("responses").has("201"))
                        .count())
                .as("the creations in the API: prospects, calls, notes, enrolments, tokens, users, articles,"
                        + " cadence copies, webhooks, days off, import previews")
                .isEqualTo(11);
    }

    private org.springframework.mock.web.MockHttpServletResponse send(String bearer, String uri, String body)
            throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(uri)
                        .header("Authorization", bearer)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    @Test
    void aClientGeneratedFromTheDescriptionCallsTheServer() throws Exception {
        var node = which("node");
        var npm = which("npm");
        OutsidePart.require(node != null && npm != null, "Node.js with npm (for the generated API client)");
        if (!Files.isDirectory(CLIENT.resolve("node_modules/openapi-typescript"))) {
            Commands.run(List.of(npm, "ci", "--no-audit", "--no-fund", "--prefer-offline"), CLIENT, Map.of(), 300);
        }
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("openapi.json"), description());
        Commands.run(
                List.of(
                        node,
                        "node_modules/openapi-typescript/bin/cli.js",
                        "../../../" + OUT.resolve("openapi.json"),
                        "--output",
                        "../../../" + OUT.resolve("schema.d.ts")),
                CLIENT,
                Map.of(),
                120);
        Commands.run(List.of(node, "node_modules/typescript/bin/tsc", "-p", "tsconfig.json"), CLIENT, Map.of(), 180);
        // the compiled client finds openapi-fetch where it was installed
        var modules = OUT.resolve("node_modules");
        if (!Files.exists(modules, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(modules, CLIENT.resolve("node_modules").toAbsolutePath());
        }

        var rep = given.rep();
        var email = "generated-" + UUID.randomUUID() + "@client.example";
        var output = Commands.run(
                List.of(node, OUT.resolve("js/src/test/client/client.js").toString()),
                Path.of("."),
                Map.of(
                        "FOLLOWTHROUGH_URL",
                        "http://127.0.0.1:" + port,
                        "FOLLOWTHROUGH_TOKEN",
                        given.bearer(rep).substring("Bearer ".length()),
                        "FOLLOWTHROUGH_PROSPECT_EMAIL",
                        email),
                120);
        var lines = output.strip().lines().toList();
        var result = json.readTree(lines.get(lines.size() - 1));

        var prospectId = UUID.fromString(result.path("prospectId").asString());
        var stored = jdbc.sql("select owner_id, email from prospects where id = ?")
                .param(prospectId)
                .query((rs, n) -> List.of(rs.getObject(1, UUID.class).toString(), rs.getString(2)))
                .single();
        assertThat(stored).containsExactly(rep.id().toString(), email);
        assertThat(result.path("queuedLabel").asString()).isEqualTo("FTC #1");
        assertThat(result.path("loggedLabel").asString()).isEqualTo("FTC #1");
        assertThat(jdbc.sql("select status from tasks where id = ?")
                        .param(UUID.fromString(result.path("taskId").asString()))
                        .query(String.class)
                        .single())
                .isEqualTo("DONE");
        assertThat(jdbc.sql("select count(*) from touches where id = ? and prospect_id = ?")
                        .param(UUID.fromString(result.path("touchId").asString()))
                        .param(prospectId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(result.path("planned").asInt()).isPositive();
        assertThat(result.path("refusedStatus").asInt()).isEqualTo(409);
        assertThat(result.path("refusedType").asString()).startsWith("application/problem+json");
        assertThat(result.path("refusedDetail").asString()).isNotBlank();
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
