package org.followthrough.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * FollowThrough on a PostgreSQL server of the test's own, with inquiries arriving, calls being logged and
 * timed actions due; the database is stopped for 30 seconds and started again. Meanwhile every answer is
 * either what it would have been or 503 with Retry-After as problem details, and health says DOWN; after
 * it, everything acknowledged (202, 201) is stored, nothing is done twice, and the timed work that fell
 * due meanwhile is done within 60 seconds of the database's return.
 */
class DatabaseOutageIT {

    static final String SECRET = "outage-webhook-secret";
    static final Duration OUTAGE = Duration.ofSeconds(30);
    static final int PROBES = 300;
    static final String REP = "outage-rep@example.com";
    static final String REP_PASSWORD = "Copper-Lantern-Meadow-42";

    private final List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger unavailable = new AtomicInteger();
    private final Map<String, String> acknowledgedInquiries = new ConcurrentHashMap<>();
    private final Map<String, List<String>> acknowledgedCalls = new ConcurrentHashMap<>();
    private final AtomicBoolean loading = new AtomicBoolean(true);

    @Test
    void theDatabaseGoesAwayForThirtySecondsAndComesBack() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "database-outage-" + System.currentTimeMillis())
                .toAbsolutePath());
        try (var postgres = LocalPostgres.startOrSkip();
                var server = new RunningServer(data, "outage")
                        .with(
                                "--spring.datasource.url=" + postgres.url(),
                                "--spring.datasource.username=postgres",
                                "--spring.datasource.password=",
                                "--followthrough.webhook-secret=" + SECRET,
                                "--followthrough.security.bcrypt-strength=4")
                        .start()) {
            var rep = "Bearer " + repToken(server);
            var prospects = new ArrayList<String>();
            for (int n = 0; n < 4; n++) {
                var created = server.exchange(
                        "POST",
                        "/api/v1/prospects",
                        "{\"fullName\":\"Outage Prospect " + n + "\",\"email\":\"outage-prospect-" + n
                                + "@example.com\",\"phone\":\"+1 212 555 01" + (10 + n) + "\",\"country\":\"US\"}",
                        "Authorization",
                        rep);
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                prospects.add(RunningServer.json(created.body()).get("id").asString());
            }
            var run = server.post(
                            "/api/v1/admin/timed-actions/probes",
                            "{\"count\":" + PROBES + ",\"withinSeconds\":" + (OUTAGE.toSeconds() + 20) + "}")
                    .get("runId")
                    .asString();

            var inquiries = start(() -> inquiries(server));
            var calls = start(() -> calls(server, rep, prospects));
            Thread.sleep(5_000);

            postgres.stop();
            long stopped = System.nanoTime();
            var healthDuring = new ArrayList<String>();
            while (System.nanoTime() - stopped < OUTAGE.toNanos()) {
                var health = server.exchange("GET", "/actuator/health", null, "Accept", "application/json");
                healthDuring.add(health.statusCode() + " " + health.body());
                // signing in with a password needs the member's record too
                var signedIn = server.exchange("GET", "/api/v1/queue", null);
                if (signedIn.statusCode() != 200) {
                    unusual("password sign-in", signedIn);
                }
                Thread.sleep(1_000);
            }
            int unavailableDuring = unavailable.get();
            postgres.start();
            long back = System.nanoTime();

            Thread.sleep(10_000);
            loading.set(false);
            inquiries.join();
            calls.join();

            var report = awaitProbes(server, run, back);
            long allDone = System.nanoTime();
            var lostInquiries = awaitStored(server, back);
            var callProblems = checkCalls(server, rep);
            System.out.printf(
                    "database outage: %d s; %d answers 503 meanwhile; %d inquiries and %d calls acknowledged;"
                            + " %d of %d timed actions done, %d twice, all %d ms after the database's return%n",
                    OUTAGE.toSeconds(),
                    unavailableDuring,
                    acknowledgedInquiries.size(),
                    acknowledgedCalls.values().stream().mapToInt(List::size).sum(),
                    report.get("ran").asLong(),
                    PROBES,
                    report.get("ranMoreThanOnce").asLong(),
                    Duration.ofNanos(allDone - back).toMillis());

            assertThat(wrongAnswers)
                    .as("answers that were neither the usual one nor 503 with Retry-After as problem details")
                    .isEmpty();
            assertThat(unavailableDuring)
                    .as("answers 503 while the database was away")
                    .isPositive();
            assertThat(healthDuring)
                    .as("health while the database was away")
                    .anySatisfy(h -> assertThat(h).startsWith("503").contains("DOWN"));
            assertThat(server.exchange("GET", "/actuator/health", null, "Accept", "application/json")
                            .body())
                    .as("health after the database's return")
                    .contains("UP");
            assertThat(acknowledgedInquiries).as("inquiries acknowledged").isNotEmpty();
            assertThat(lostInquiries)
                    .as("acknowledged inquiries without exactly one prospect")
                    .isEmpty();
            assertThat(callProblems)
                    .as("acknowledged calls not stored exactly once")
                    .isEmpty();
            assertThat(report.get("ran").asLong()).as("timed actions done").isEqualTo(PROBES);
            assertThat(report.get("ranMoreThanOnce").asLong())
                    .as("timed actions done twice")
                    .isZero();
            assertThat(Duration.ofNanos(allDone - back))
                    .as("time from the database's return until all overdue timed work was done")
                    .isLessThanOrEqualTo(Duration.ofSeconds(60));
        }
    }

    private static Thread start(Runnable load) {
        var thread = new Thread(load);
        thread.start();
        return thread;
    }

    private String repToken(RunningServer server) throws Exception {
        var user = server.exchange(
                "POST",
                "/api/v1/users",
                "{\"email\":\"" + REP + "\",\"fullName\":\"Outage Rep\",\"role\":\"REP\",\"password\":\"" + REP_PASSWORD
                        + "\",\"timeZone\":\"America/New_York\"}");
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        var basic = java.util.Base64.getEncoder()
                .encodeToString((REP + ":" + REP_PASSWORD).getBytes(StandardCharsets.UTF_8));
        var token =
                server.exchange("POST", "/api/v1/tokens", "{\"name\":\"outage\"}", "Authorization", "Basic " + basic);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        return RunningServer.json(token.body()).get("token").asString();
    }

    /** Signed web inquiries, ten a second, each from someone new. */
    private void inquiries(RunningServer server) {
        int n = 0;
        while (loading.get()) {
            var email = "outage-lead-" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            var body = "{\"id\":\"outage-" + n + "-" + UUID.randomUUID() + "\",\"type\":\"INQUIRY\",\"occurredAt\":\""
                    + Instant.now() + "\",\"email\":\"" + email + "\",\"name\":\"Outage Lead " + n
                    + "\",\"message\":\"Please call me\"}";
            long t = Instant.now().getEpochSecond();
            try {
                var answer = server.exchange(
                        "POST",
                        "/api/v1/signals",
                        body,
                        "FollowThrough-Signature",
                        "t=" + t + ",v1=" + hmac(t + "." + body));
                if (answer.statusCode() == 202) {
                    acknowledgedInquiries.put(email, body);
                } else {
                    unusual("inquiry", answer);
                }
                n++;
                Thread.sleep(100);
            } catch (Exception e) {
                wrongAnswers.add("inquiry: " + e);
            }
        }
    }

    /** Calls logged by the rep, five a second, on their prospects in turn. */
    private void calls(RunningServer server, String rep, List<String> prospects) {
        int n = 0;
        while (loading.get()) {
            var prospect = prospects.get(n++ % prospects.size());
            try {
                var answer = server.exchange(
                        "POST",
                        "/api/v1/prospects/" + prospect + "/calls",
                        "{\"outcome\":\"NO_ANSWER\"}",
                        "Authorization",
                        rep);
                if (answer.statusCode() == 201) {
                    acknowledgedCalls
                            .computeIfAbsent(prospect, p -> Collections.synchronizedList(new ArrayList<>()))
                            .add(RunningServer.json(answer.body())
                                    .get("touchId")
                                    .asString());
                } else {
                    unusual("call", answer);
                }
                Thread.sleep(200);
            } catch (Exception e) {
                wrongAnswers.add("call: " + e);
            }
        }
    }

    /** An answer other than the usual one must be 503 with Retry-After, as problem details. */
    private void unusual(String what, HttpResponse<String> answer) {
        var type = answer.headers().firstValue("Content-Type").orElse("");
        if (answer.statusCode() == 503
                && answer.headers().firstValue("Retry-After").isPresent()
                && type.startsWith("application/problem+json")
                && RunningServer.json(answer.body()).get("status").asInt() == 503) {
            unavailable.incrementAndGet();
            return;
        }
        wrongAnswers.add(
                what + ": " + answer.statusCode() + " " + answer.headers().map() + " " + answer.body());
    }

    private static JsonNode awaitProbes(RunningServer server, String run, long back) throws Exception {
        var report = server.get("/api/v1/admin/timed-actions/probes/" + run);
        while (report.get("ran").asLong() < PROBES
                && System.nanoTime() - back < Duration.ofSeconds(90).toNanos()) {
            Thread.sleep(250);
            report = server.get("/api/v1/admin/timed-actions/probes/" + run);
        }
        return report;
    }

    /** Every acknowledged inquiry becomes exactly one prospect; the ones that did not, within 60 s. */
    private List<String> awaitStored(RunningServer server, long back) throws Exception {
        var missing = new ArrayList<String>(acknowledgedInquiries.keySet());
        var wrong = new ArrayList<String>();
        while (!missing.isEmpty()) {
            for (var it = missing.iterator(); it.hasNext(); ) {
                var email = it.next();
                var found =
                        server.get("/api/v1/prospects?q=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8));
                var items =
                        found.has("items") ? found.get("items") : found.has("content") ? found.get("content") : found;
                if (items.size() == 1) {
                    it.remove();
                } else if (items.size() > 1) {
                    it.remove();
                    wrong.add(email + " is " + items.size() + " prospects");
                }
            }
            if (System.nanoTime() - back > Duration.ofSeconds(120).toNanos()) {
                break;
            }
            if (!missing.isEmpty()) {
                Thread.sleep(1_000);
            }
        }
        missing.forEach(email -> wrong.add(email + " was acknowledged but is no prospect"));
        return wrong;
    }

    /** Every acknowledged call is in its prospect's timeline, once. */
    private List<String> checkCalls(RunningServer server, String rep) throws Exception {
        var problems = new ArrayList<String>();
        for (var entry : acknowledgedCalls.entrySet()) {
            var answer = server.exchange(
                    "GET", "/api/v1/prospects/" + entry.getKey() + "/timeline", null, "Authorization", rep);
            var timeline = answer.body();
            for (var touch : entry.getValue()) {
                int times = timeline.split(java.util.regex.Pattern.quote(touch), -1).length - 1;
                if (times != 1) {
                    problems.add("call " + touch + " appears " + times + " times in the timeline");
                }
            }
        }
        return problems;
    }

    private static String hmac(String text) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
