package org.followthrough.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.SignalSender;
import org.followthrough.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signals are answered by the servlet container's first filters, ahead of the security filter chain and
 * the MVC dispatcher, over a real connection: what a sender sees is the API's answer all the same.
 */
@ApplicationTest
class SignalFastPathTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSignedSignalIsTakenWithoutTheSecurityFiltersSoCredentialsItsSenderAddsAreIgnored() throws Exception {
        var id = "view-" + UUID.randomUUID();
        // through the security filters, these wrong credentials would be refused with 401 before the signature counted
        var response = send(signed(view(id)).header("Authorization", "Basic bm9ib2R5Om5vdC1hLXBhc3N3b3Jk"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).contains("\"duplicate\":false");
        assertThat(SignalWebhookTest.storedUnder(jdbc, id)).isEqualTo(1);
    }

    @Test
    void itsAnswersCarryTheHeadersOfEveryApiAnswer() throws Exception {
        var response = send(signed(view("view-" + UUID.randomUUID())));

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
    }

    @Test
    void aRefusalIsTheApisProblemDetailsNamingTheEndpoint() throws Exception {
        var body = view("view-" + UUID.randomUUID());
        var response = send(request(body)
                .header(
                        WebhookSignature.HEADER,
                        WebhookSignature.sign(
                                body.getBytes(StandardCharsets.UTF_8), "a-wrong-secret", clock.instant())));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"type\":\"about:blank\"")
                .contains("\"title\":\"")
                .contains("\"status\":401")
                .contains("\"instance\":\"/api/v1/signals\"")
                .contains("does not match");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aFieldMistakeIsNamedLikeAnywhereInTheApi() throws Exception {
        var response = send(signed("{\"id\":\"x-" + UUID.randomUUID()
                + "\",\"type\":\"PAGE_VISIT\",\"occurredAt\":\"2026-09-01T10:00:00Z\",\"email\":\"a@b.example\"}"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"type\":\"https://followthrough.dev/problems/invalid-request\"")
                .contains("\"errors\":[")
                .contains("\"field\":\"type\"")
                .contains("PAGE_VIEW");
    }

    @Test
    void otherMethodsGoTheOrdinaryWay() throws Exception {
        var response = send(HttpRequest.newBuilder(uri()).GET());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow"))
                .hasValueSatisfying(v -> assertThat(v).contains("POST"));
    }

    private static String view(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"PAGE_VIEW\",\"occurredAt\":\"2026-09-01T10:00:00Z\","
                + "\"email\":\"fast.path@visitors.example\",\"url\":\"https://www.example.com/blog\"}";
    }

    private HttpRequest.Builder signed(String body) {
        return request(body)
                .header(
                        WebhookSignature.HEADER,
                        WebhookSignature.sign(
                                body.getBytes(StandardCharsets.UTF_8), SignalSender.SECRET, clock.instant()));
    }

    private HttpRequest.Builder request(String body) {
        return HttpRequest.newBuilder(uri())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI uri() {
        return URI.create("http://localhost:" + port + "/api/v1/signals");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
