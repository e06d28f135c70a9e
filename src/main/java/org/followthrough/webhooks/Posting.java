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
    private final SubscriberAddresses addresses;
    private final java.util.concurrent.ExecutorService senders;

    Posting(
            Deliveries deliveries,
            Subscribers subscribers,
            WebhookSettings settings,
            SubscriberAddresses addresses,
            Clock clock) {
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.senders = java.util.concurrent.Executors.newFixedThreadPool(8, r -> {
            var thread = new Thread(r, "webhook-posting");
            thread.setDaemon(true);
            return thread;
        });
        this.subscribers = subscribers;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * One round; how many deliveries it attempted. Each subscriber's deliveries go out in order on their own
     * thread, so a slow or dead subscriber holds up only itself; once one cannot be reached, the rest of its
     * deliveries wait for the next round without using up an attempt.
     */
    int postDue() {
        // a round posts at most batchSize deliveries of at most timeout each: past that, its claims are abandoned
        deliveries.releaseAbandoned(clock.instant()
                .minus(settings.timeout().multipliedBy(settings.batchSize()))
                .minusSeconds(60));
        var due = deliveries.claimDue(settings.batchSize());
        var bySubscriber = new java.util.LinkedHashMap<java.util.UUID, java.util.List<Deliveries.Due>>();
        due.forEach(d -> bySubscriber
                .computeIfAbsent(d.subscriberId(), id -> new java.util.ArrayList<>())
                .add(d));
        var rounds = bySubscriber.values().stream()
                .map(list -> java.util.concurrent.CompletableFuture.runAsync(() -> postInOrder(list), senders))
                .toList();
        rounds.forEach(java.util.concurrent.CompletableFuture::join);
        return due.size();
    }

    private void postInOrder(java.util.List<Deliveries.Due> list) {
        for (int i = 0; i < list.size(); i++) {
            if (!post(list.get(i))) {
                deliveries.release(
                        list.get(i).claim(),
                        list.subList(i + 1, list.size()).stream()
                                .map(Deliveries.Due::id)
                                .toList());
                return;
            }
        }
    }

    /** Posts one delivery; false when its subscriber could not be reached at all. */
    private boolean post(Deliveries.Due due) {
        var subscriber = subscribers.find(due.subscriberId());
        if (subscriber.isEmpty()) {
            return true; // unsubscribed meanwhile: its deliveries went with it
        }
        var body = due.payload().getBytes(StandardCharsets.UTF_8);
        var started = System.nanoTime();
        var at = clock.instant();
        Integer status = null;
        String error = null;
        boolean reached = true;
        try {
            addresses.check(URI.create(subscriber.get().subscriber().url()));
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
        } catch (java.io.IOException e) {
            reached = false;
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted while sending";
        }
        var tookMs = (System.nanoTime() - started) / 1_000_000;
        deliveries.attempted(due.id(), at, status, error, tookMs);
        if (error == null) {
            deliveries.delivered(due, clock.instant());
            return true;
        }
        var failed = due.attempts() + 1;
        var next = failed >= settings.maxAttempts() ? null : at.plus(settings.backOff(failed));
        deliveries.failed(due, next);
        log.info(
                "Webhook {} to {} failed (attempt {}): {}",
                due.event(),
                subscriber.get().subscriber().url(),
                failed,
                error);
        return reached;
    }
}
