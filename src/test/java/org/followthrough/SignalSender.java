package org.followthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.followthrough.signals.WebhookSignature;

/** Posts signed signals to the running server, as a website or marketing tool would. */
public record SignalSender(int port, Clock clock) {

    public static final String SECRET = "test-webhook-secret";

    public HttpResponse<String> post(String json) {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/signals"))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(bytes, SECRET, clock.instant()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void accepted(String json) {
        var response = post(json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    /** Polls until the probe gives a value (at most 60 s: the suite shares one busy server), for effects of listeners that run after commit. */
    public static <T> T await(Supplier<T> probe) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        T value = probe.get();
        while (value == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = probe.get();
        }
        assertThat(value).as("reached within 60 s").isNotNull();
        return value;
    }
}
