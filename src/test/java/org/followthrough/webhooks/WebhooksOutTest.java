package org.followthrough.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.followthrough.SignalSender.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.SignalSender;
import org.followthrough.TestClock;
import org.followthrough.common.Refusal;
import org.followthrough.signals.WebhookSignature;
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Webhooks out: signed, written with the event, delivered by the timed job, retried with back-off, replayable. */
@ApplicationTest
class WebhooksOutTest {

    static final String SECRET = "receiver-secret-0123456789";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    /**
     * Posted here as well as by the recurring job: the job's next run is kept by the scheduler on the
     * application's clock, which other tests in this shared context move back and forth.
     */
    @Autowired
    Posting posting;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Value("${local.server.port}")
    int port;

    Receiver receiver;
    Member admin;

    @BeforeEach
    void startReceiver() throws Exception {
        clock.reset();
        receiver = new Receiver();
        admin = given.admin();
    }

    @Autowired
    SchedulerClient scheduler;

    @AfterEach
    void stopReceiver() {
        jdbc.sql("delete from webhook_subscribers").update();
        receiver.server.stop(0);
        clock.reset();
        // a test that moved the clock ahead left the next round planned in that future: bring it back
        var rounds = TaskInstanceId.of(PostingSchedule.TASK, RecurringTask.INSTANCE);
        scheduler
                .getScheduledExecution(rounds)
                .filter(e -> !e.isPicked() && e.getExecutionTime().isAfter(Instant.now()))
                .ifPresent(e -> scheduler.reschedule(rounds, Instant.now()));
    }

    @Test
    void subscribersHearOfNewProspectsAppointmentsStagesAndSignalsSignedWithTheirSecret() throws Exception {
        var subscriber = subscribe(List.of());
        assertThat(subscriber.get("secretHint").asString()).isEqualTo("…6789");
        var listed = call(mvc.get().uri("/api/v1/admin/webhooks"), admin).toString();
        assertThat(listed).contains(subscriber.get("id").asString()).doesNotContain(SECRET);

        var rep = given.rep();
        var created = call(
                mvc.post()
                        .uri("/api/v1/prospects")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                """
                                {"fullName":"Dana Cruz","email":"dana-%s@cruz.example","phone":"(312) 555-0147","country":"US"}"""
                                        .formatted(UUID.randomUUID())),
                rep);
        var prospectId = created.get("id").asString();
        var event = receiver.await("prospect.created", prospectId);
        assertThat(event.get("data").get("fullName").asString()).isEqualTo("Dana Cruz");

        var slot = call(mvc.get().uri("/api/v1/prospects/" + prospectId + "/slots?count=1"), rep)
                .get(0)
                .get("at")
                .asString();
        logCall(rep, prospectId, null, "{\"appointmentAt\":\"" + slot + "\",\"agenda\":\"Demo for the ops team\"}");
        var booked = receiver.await("appointment.booked", prospectId);
        assertThat(Instant.parse(booked.get("data").get("at").asString())).isEqualTo(Instant.parse(slot));

        var appointmentTask = jdbc.sql(
                        "select id from tasks where prospect_id = ? and appointment_id is not null and status = 'OPEN'")
                .param(UUID.fromString(prospectId))
                .query(UUID.class)
                .single();
        logCall(rep, prospectId, appointmentTask, null);
        receiver.await("appointment.missed", prospectId);

        logCall(rep, prospectId, null, "{\"stage\":\"NURTURE\",\"prospectSaidNo\":true}");
        var stage = receiver.await("prospect.stage_changed", prospectId, "NURTURE");
        assertThat(stage.get("data").get("stage").asString()).isEqualTo("NURTURE");

        new SignalSender(port, clock)
                .accepted(
                        """
                {"id":"%s","type":"PAGE_VIEW","occurredAt":"%s","email":"%s","url":"https://x.example/pricing"}"""
                                .formatted(
                                        UUID.randomUUID(),
                                        clock.instant(),
                                        created.get("email").asString()));
        var signal = receiver.await("signal.received", prospectId);
        assertThat(signal.get("data").get("type").asString()).isEqualTo("PAGE_VIEW");
        assertThat(receiver.forged.get())
                .as("every request carried a valid signature")
                .isZero();
    }

    @Test
    void aFailingReceiverIsRetriedWithExponentialBackOffAndEveryAttemptIsLogged() throws Exception {
        receiver.failFirst.set(2);
        subscribe(List.of("prospect.created"));
        var prospect = given.prospect(given.rep());
        var delivery = awaitDelivery(prospect.id(), 1);
        assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
        assertThat(waitAfterLastAttempt(delivery)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(31));
        assertThat(delivery.get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(500);

        clock.set(Instant.now().plusSeconds(31));
        delivery = awaitDelivery(prospect.id(), 2);
        assertThat(waitAfterLastAttempt(delivery)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(61));

        clock.advance(Duration.ofSeconds(61));
        delivery = awaitDelivery(prospect.id(), 3);
        assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.get("attemptLog").findValues("statusCode"))
                .extracting(JsonNode::asInt)
                .containsExactly(204, 500, 500);
        assertThat(delivery.get("attemptLog").get(0).get("durationMs").asLong()).isNotNegative();
        var firstEventId = receiver.await("prospect.created", prospect.id().toString())
                .get("id")
                .asString();

        var replayed = mvc.post()
                .uri("/api/v1/admin/webhooks/deliveries/" + delivery.get("id").asString() + "/replay")
                .header("Authorization", given.bearer(admin))
                .exchange();
        assertThat(replayed).hasStatus(HttpStatus.ACCEPTED);
        clock.advance(Duration.ofSeconds(2));
        await(() -> posting.postDue() >= 0
                        && receiver.received.stream()
                                        .filter(r -> r.toString()
                                                .contains(prospect.id().toString()))
                                        .count()
                                == 2
                ? true
                : null);
        assertThat(receiver.received.stream()
                        .filter(r -> r.toString().contains(prospect.id().toString()))
                        .map(r -> r.get("id").asString()))
                .as("a replay carries the same event id, so the receiver can tell")
                .containsOnly(firstEventId);
    }

    @Test
    void erasingAPersonErasesTheDeliveriesThatNameThem() {
        subscribe(List.of());
        var rep = given.rep();
        var prospect = given.prospect(rep);
        receiver.await("prospect.created", prospect.id().toString());
        assertThat(deliveriesNaming(prospect.email())).isPositive();

        assertThat(mvc.delete().uri("/api/v1/prospects/" + prospect.id()).header("Authorization", given.bearer(rep)))
                .hasStatus2xxSuccessful();

        assertThat(deliveriesNaming(prospect.email())).isZero();
        assertThat(deliveriesNaming(prospect.id().toString())).isZero();
    }

    private long deliveriesNaming(String text) {
        return jdbc.sql("select count(*) from webhook_deliveries where payload like ?")
                .param("%" + text + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void onlyAdministratorsManageWebhooksAndBadSubscriptionsAreNamedField() {
        assertThat(mvc.post()
                        .uri("/api/v1/admin/webhooks")
                        .header("Authorization", given.bearer(given.manager()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://a.example/h\",\"secret\":\"" + SECRET + "\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        var bad = mvc.post()
                .uri("/api/v1/admin/webhooks")
                .header("Authorization", given.bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"ftp://a.example\",\"secret\":\"short\",\"events\":[\"prospect.won\"]}")
                .exchange();
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(bad).bodyText().contains("url", "secret", "prospect.won");
        assertThat(jdbc.sql("select count(*) from webhook_subscribers")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSubscriberRemovedElsewhereMeanwhileFailsNoNewProspect() throws Exception {
        var gone =
                UUID.fromString(subscribe(List.of("prospect.created")).get("id").asString());
        var rep = given.rep();
        assertThat(newProspect(rep)).hasStatus(HttpStatus.CREATED); // this instance now knows the subscriber
        // removed as another instance would remove it: this one still has them in its few seconds' cache
        jdbc.sql("delete from webhook_subscribers where id = ?").param(gone).update();

        var created = newProspect(rep);

        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(jdbc.sql("select count(*) from webhook_deliveries where subscriber_id = ?")
                        .param(gone)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult newProspect(Member rep) {
        return mvc.post()
                .uri("/api/v1/prospects")
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"fullName\":\"Lee Park\",\"email\":\"lee-%s@park.example\",\"country\":\"US\"}"
                        .formatted(UUID.randomUUID()))
                .exchange();
    }

    @Test
    void anImportsNewProspectsAreEachAProspectCreated() throws Exception {
        subscribe(List.of("prospect.created"));
        var rep = given.rep();
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var csv = "First Name,Last Name,Email Address,Phone Number,Country/Region\n"
                + "Ines,Moreau,ines." + tag + "@moreau.example,+33 1 42 68 53 00,France\n"
                + "Tom,Baker,tom." + tag + "@baker.example,(312) 555-0188,United States\n";
        var response = mvc.post()
                .uri("/api/v1/imports")
                .header("Authorization", given.bearer(rep))
                .contentType("text/csv")
                .content(csv)
                .exchange();
        assertThat(response).hasStatus(HttpStatus.ACCEPTED);

        // rounds are also run here: another test may have left the scheduled one planned in a moved clock's future
        var ines = await(() -> {
            posting.postDue();
            return receiver.find("prospect.created", "ines." + tag);
        });
        assertThat(ines.get("data").get("source").asString()).isEqualTo("IMPORT");
        await(() -> {
            posting.postDue();
            return receiver.find("prospect.created", "tom." + tag);
        });
    }

    @Test
    void aSubscriberThatHangsDoesNotHoldUpTheOthers() throws Exception {
        var stuck = new java.util.concurrent.CountDownLatch(1);
        var hanging = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        hanging.createContext("/hooks", exchange -> {
            try {
                stuck.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hanging.start();
        try {
            // the hanging receiver's delivery is the older one, so a round taking them in turn would wait on it
            subscribeAt("http://localhost:" + hanging.getAddress().getPort() + "/hooks", List.of("prospect.created"));
            subscribe(List.of("prospect.created"));
            var started = System.nanoTime();
            var prospect = given.prospect(given.rep());
            java.util.concurrent.CompletableFuture.runAsync(posting::postDue);

            receiver.await("prospect.created", prospect.id().toString());
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("delivered while the other receiver still hangs (an attempt may take 10 s)")
                    .isLessThan(Duration.ofSeconds(6));
        } finally {
            stuck.countDown();
            hanging.stop(0);
        }
    }

    private JsonNode subscribe(List<String> events) {
        return subscribeAt("http://localhost:" + receiver.server.getAddress().getPort() + "/hooks", events);
    }

    private JsonNode subscribeAt(String url, List<String> events) {
        var body = json.writeValueAsString(java.util.Map.of(
                "url", url,
                "secret", SECRET,
                "events", events));
        var response = mvc.post()
                .uri("/api/v1/admin/webhooks")
                .header("Authorization", given.bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        assertThat(response).hasStatus(HttpStatus.CREATED);
        return json.readTree(response.getResponse().getContentAsByteArray());
    }

    private void logCall(Member rep, String prospectId, UUID taskId, String nextStep) throws Exception {
        var body = nextStep == null
                ? "{\"outcome\":\"NO_ANSWER\",\"taskId\":\"" + taskId + "\"}"
                : "{\"outcome\":\"CONNECTED\",\"nextStep\":" + nextStep + "}";
        var response = mvc.post()
                .uri("/api/v1/prospects/" + prospectId + "/calls")
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        assertThat(response)
                .as(response.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .hasStatus(HttpStatus.CREATED);
    }

    private JsonNode awaitDelivery(UUID prospectId, int attempts) {
        return await(() -> {
            posting.postDue();
            var id = jdbc.sql("select id from webhook_deliveries where payload like ? and attempts = ?")
                    .params("%" + prospectId + "%", attempts)
                    .query(UUID.class)
                    .optional();
            return id.map(d -> call(mvc.get().uri("/api/v1/admin/webhooks/deliveries/" + d), admin))
                    .orElse(null);
        });
    }

    private static Duration waitAfterLastAttempt(JsonNode delivery) {
        return Duration.between(
                Instant.parse(delivery.get("attemptLog").get(0).get("at").asString()),
                Instant.parse(delivery.get("nextAttemptAt").asString()));
    }

    private JsonNode call(
            org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder request, Member member) {
        var response = request.header("Authorization", given.bearer(member)).exchange();
        assertThat(response.getResponse().getStatus()).isLessThan(300);
        return json.readTree(response.getResponse().getContentAsByteArray());
    }

    /** A subscriber's endpoint: checks every signature, answers 500 for the first few posts if told to. */
    class Receiver {

        final HttpServer server;
        final ConcurrentLinkedQueue<JsonNode> received = new ConcurrentLinkedQueue<>();
        final AtomicInteger failFirst = new AtomicInteger();
        final AtomicInteger forged = new AtomicInteger();

        Receiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/hooks", exchange -> {
                var body = exchange.getRequestBody().readAllBytes();
                int status;
                try {
                    WebhookSignature.verify(
                            exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                            body,
                            SECRET,
                            clock.instant());
                    status = failFirst.getAndDecrement() > 0 ? 500 : 204;
                    if (status == 204) {
                        received.add(json.readTree(new String(body, StandardCharsets.UTF_8)));
                    }
                } catch (Refusal badSignature) {
                    forged.incrementAndGet();
                    status = 401;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        JsonNode await(String type, String... containing) {
            return SignalSender.await(() -> find(type, containing));
        }

        JsonNode find(String type, String... containing) {
            return received.stream()
                    .filter(r -> r.get("type").asString().equals(type))
                    .filter(r -> List.of(containing).stream().allMatch(r.toString()::contains))
                    .findFirst()
                    .orElse(null);
        }
    }
}
