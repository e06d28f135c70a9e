package org.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error answer is problem details, whatever layer gives it. Walks every endpoint of the OpenAPI
 * description over real HTTP (so the servlet container and every filter take part) with bad input —
 * wrong media type, malformed JSON, a method it does not take, a body too large, bad path variables, an
 * encoded NUL, unknown paths — as a stranger, a rep and an administrator, and holds each error answer
 * to: {@code application/problem+json}, a {@code detail}, no 5xx, no stack trace, no SQL.
 */
@ApplicationTest
class ErrorAnswersTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @LocalServerPort
    int port;

    @Autowired
    Given given;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private Map<String, String> callers;

    @BeforeEach
    void callers() {
        callers = new LinkedHashMap<>();
        callers.put("stranger", null);
        callers.put("rep", given.bearer(given.rep()));
        callers.put("admin", given.bearer(given.admin()));
    }

    private record Sent(String caller, String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            return caller + " " + method + " " + path + " (" + contentType + ", " + (body == null ? 0 : body.length())
                    + " chars)";
        }
    }

    @Test
    void everyErrorOfEveryEndpointIsProblemDetails() throws Exception {
        var admin = given.admin();
        var basic = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((admin.email() + ":" + Given.PASSWORD).getBytes(StandardCharsets.UTF_8));
        var description = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                        .header("Authorization", basic)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(description.statusCode()).isEqualTo(200);
        var tree = json.readTree(description.body());
        // the description may arrive as one JSON string holding the document
        var paths = (tree.isString() ? json.readTree(tree.asString()) : tree).get("paths");
        assertThat(paths).as(abbreviated(description.body())).isNotNull();
        var sent = new ArrayList<Sent>();
        for (var entry : paths.properties()) {
            var path = entry.getKey();
            var taken = new ArrayList<String>();
            entry.getValue().properties().forEach(m -> {
                if (METHODS.contains(m.getKey())) {
                    taken.add(m.getKey().toUpperCase());
                }
            });
            for (var caller : callers.keySet()) {
                for (var method : taken) {
                    sent.addAll(badRequests(caller, method, path));
                }
                var other = METHODS.stream()
                        .map(String::toUpperCase)
                        .filter(m -> !taken.contains(m))
                        .findFirst();
                other.ifPresent(m -> sent.add(new Sent(caller, m, withVariables(path, "1"), null, null)));
            }
        }
        for (var caller : callers.keySet()) {
            sent.add(new Sent(caller, "GET", "/api/v1/no-such-thing", null, null));
            sent.add(new Sent(caller, "GET", "/api/v1/prospects/%00", null, null));
            sent.add(new Sent(caller, "GET", "/api/v1/prospects/a%2Fb", null, null));
            sent.add(new Sent(caller, "GET", "/%00", null, null));
            sent.add(new Sent(caller, "POST", "/api/v1/imports", "application/json", "{\"fullName\":\"x\"}"));
            sent.add(new Sent(caller, "TRACE", "/api/v1/prospects", null, null));
            sent.add(new Sent(caller, "POST", "/api/v1/unsubscribe/not-a-token", null, null));
        }
        assertThat(sent).hasSizeGreaterThan(500);

        var soft = new SoftAssertions();
        int errors = 0;
        for (var request : sent) {
            var answer = send(request);
            if (answer.statusCode() < 400) {
                continue;
            }
            errors++;
            holdsToTheShape(soft, request, answer);
        }
        soft.assertAll();
        assertThat(errors).as("error answers checked").isGreaterThan(sent.size() / 2);
    }

    @Test
    void pagesAskedForAsJsonAnswerProblemDetails() throws Exception {
        var soft = new SoftAssertions();
        for (var path : List.of(
                "/prospects/" + java.util.UUID.randomUUID(), "/no-such-page", "/users", "/settings", "/outbox")) {
            var answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Authorization", callers.get("rep"))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            soft.assertThat(answer.statusCode()).as(path).isBetween(400, 499);
            holdsToTheShape(soft, new Sent("rep", "GET", path, null, null), answer);
        }
        soft.assertAll();
    }

    @Test
    void aRepPostingABadBodyToAnAdministratorsEndpointIsToldTheyMayNotCallIt() throws Exception {
        for (var path : List.of("/api/v1/admin/webhooks", "/api/v1/admin/suppressions/lift", "/api/v1/users")) {
            var answer = send(new Sent("rep", "POST", path, "application/json", "{\"url\": 42, \"nonsense\": true}"));
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(403);
            assertThat(json.readTree(answer.body()).get("detail").asString()).contains("role");
        }
        var cadence =
                send(new Sent("rep", "PUT", "/api/v1/cadences/first-time-call", "application/json", "{\"steps\":7}"));
        assertThat(cadence.statusCode()).as(cadence.body()).isEqualTo(403);
    }

    @Test
    void aBadUnsubscribeLinkIsNamedAsSuch() throws Exception {
        var answer = send(new Sent("stranger", "POST", "/api/v1/unsubscribe/forged.token", null, null));
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json.readTree(answer.body()).get("detail").asString()).contains("unsubscribe link");
    }

    private void holdsToTheShape(SoftAssertions soft, Sent request, HttpResponse<String> answer) {
        var what = request + " answered " + answer.statusCode() + " " + abbreviated(answer.body());
        soft.assertThat(answer.statusCode()).as(what).isLessThan(500);
        soft.assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                .as(what)
                .startsWith("application/problem+json");
        JsonNode body;
        try {
            body = json.readTree(answer.body());
        } catch (RuntimeException notJson) {
            soft.fail("not JSON: " + what);
            return;
        }
        soft.assertThat(body.path("detail").asString("")).as(what).isNotBlank();
        soft.assertThat(body.path("status").asInt()).as(what).isEqualTo(answer.statusCode());
        soft.assertThat(answer.body())
                .as(what)
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("at org.")
                .doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("select ")
                .doesNotContain("Tomcat");
    }

    private List<Sent> badRequests(String caller, String method, String path) {
        var list = new ArrayList<Sent>();
        var bad = withVariables(path, "not-an-id");
        list.add(new Sent(caller, method, bad, null, null));
        list.add(new Sent(caller, method, withVariables(path, "%00"), null, null));
        if (!method.equals("GET") && !method.equals("DELETE")) {
            var good = withVariables(path, java.util.UUID.randomUUID().toString());
            list.add(new Sent(caller, method, good, "text/plain", "hello"));
            list.add(new Sent(caller, method, good, "application/json", "{\"fullName\": \"x\", "));
            list.add(new Sent(caller, method, good, "application/json", "[1, 2"));
            list.add(new Sent(caller, method, good, "application/json", "{\"x\":\"" + "y".repeat(300_000) + "\"}"));
        }
        return list;
    }

    private static String withVariables(String path, String value) {
        return path.replaceAll("\\{[^}]+}", value);
    }

    private HttpResponse<String> send(Sent sent) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + sent.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (sent.caller() != null && callers.get(sent.caller()) != null) {
            request.header("Authorization", callers.get(sent.caller()));
        }
        if (sent.contentType() != null) {
            request.header("Content-Type", sent.contentType());
        }
        var body = sent.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(sent.body(), StandardCharsets.UTF_8);
        request.method(sent.method(), body);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
