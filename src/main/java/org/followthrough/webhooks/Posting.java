package org.followthrough.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.followthrough.signals.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A delivery round: posts every due delivery to its subscriber, signed as {@code FollowThrough-Signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} with the subscriber's secret, and logs the
 * attempt. A 2xx answer delivers it; anything else waits twice as long as last time, until the attempts
 * run out and it is FAILED (an administrator can replay it).
 */
@Component
class Posting {

    private static final Logger log = LoggerFactory.getLogger(Posting.class);

    private final Deliveries deliveries;
    private final Subscribers subscribers;
    private final WebhookSettings settings;
    private final Clock clock;
    private final HttpClient http;

    Posting(Deliveries deliveries, Subscribers subscribers, WebhookSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.subscribers = subscribers;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** One round; how many deliveries it attempted. */
    int postDue() {
        deliveries.releaseAbandoned();
        var due = deliveries.claimDue(settings.batchSize());
        due.forEach(this::post);
        return due.size();
    }

    private void post(Deliveries.Due due) {
        var subscriber = subscribers.find(due.subscriberId());
        if (subscriber.isEmpty()) {
            return; // unsubscribed meanwhile: its deliveries went with it
        }
        var body = due.payload().getBytes(StandardCharsets.UTF_8);
        var started = System.nanoTime();
        var at = clock.instant();
        Integer status = null;
        String error = null;
        try {
            var request = HttpRequest.newBuilder(
                            URI.create(subscriber.get().subscriber().url()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "FollowThrough-Webhooks")
                    .header("FollowThrough-Event", due.event())
                    .header("FollowThrough-Delivery", due.id().toString())
                    .header(
                            WebhookSignature.HEADER,
                            WebhookSignature.sign(body, subscriber.get().secret(), at))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                error = "answered HTTP " + status;
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted while sending";
        }
        var tookMs = (System.nanoTime() - started) / 1_000_000;
        deliveries.attempted(due.id(), at, status, error, tookMs);
        if (error == null) {
            deliveries.delivered(due.id(), clock.instant());
            return;
        }
        var failed = due.attempts() + 1;
        var next = failed >= settings.maxAttempts() ? null : at.plus(settings.backOff(failed));
        deliveries.failed(due.id(), next);
        log.info(
                "Webhook {} to {} failed (attempt {}): {}",
                due.event(),
                subscriber.get().subscriber().url(),
                failed,
                error);
    }
}
