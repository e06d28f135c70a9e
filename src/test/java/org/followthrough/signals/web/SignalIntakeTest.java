package org.followthrough.signals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.followthrough.ApplicationTest;
import org.followthrough.SignalSender;
import org.followthrough.signals.Signal;
import org.followthrough.signals.SignalType;
import org.followthrough.signals.Signals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Signals arriving together are stored together, each once, each request answered with its own receipt. */
@ApplicationTest
class SignalIntakeTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    SignalIntake intake;

    @Autowired
    Signals signals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void manySignalsAtOnceAreEachStoredOnceAndEachSenderHearsOfItsOwn() {
        var run = UUID.randomUUID().toString();
        var sender = new SignalSender(port, clock);
        // 120 senders at once, and every third signal delivered a second time while the first are arriving
        var first = IntStream.range(0, 120)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> sender.post(pageView(run, i))))
                .toList();
        var again = IntStream.range(0, 120)
                .filter(i -> i % 3 == 0)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> sender.post(pageView(run, i))))
                .toList();

        var firstIds =
                first.stream().map(CompletableFuture::join).map(this::signalId).toList();
        var repeatIds =
                again.stream().map(CompletableFuture::join).map(this::signalId).toList();

        assertThat(stored(run)).isEqualTo(120);
        assertThat(firstIds).doesNotHaveDuplicates();
        // whichever of the two deliveries came first, both are answered with the one id stored
        assertThat(repeatIds)
                .containsExactlyElementsOf(IntStream.range(0, 120)
                        .filter(i -> i % 3 == 0)
                        .mapToObj(firstIds::get)
                        .toList());
    }

    @Test
    void repeatsWithinOneBatchAndOfEarlierSignalsAreDuplicatesAndOnlyNewOnesAreAnnounced() {
        var run = UUID.randomUUID().toString();
        var earlier = signals.receive(signal(run + "-old", run));

        var receipts = signals.receiveAll(List.of(
                incoming(run + "-a", run),
                incoming(run + "-old", run),
                incoming(run + "-a", run),
                incoming(run + "-b", run)));

        assertThat(receipts).extracting(Signals.Receipt::duplicate).containsExactly(false, true, true, false);
        assertThat(receipts.get(1).signalId()).isEqualTo(earlier.signalId());
        assertThat(receipts.get(2).signalId()).isEqualTo(receipts.get(0).signalId());
        assertThat(stored(run)).isEqualTo(3);
        assertThat(signals.received(
                        List.of(receipts.get(3).signalId(), receipts.get(0).signalId())))
                .extracting(r -> r.signal().id())
                .containsExactly(run + "-b", run + "-a");
    }

    @Test
    void aSignalTheDatabaseRefusesFailsOnlyItsOwnRequest() {
        var run = UUID.randomUUID().toString();
        // a kept body longer than its column: the batch it lands in fails and is stored again one by one
        var tooLong = new Signals.Incoming(signal(run + "-bad", run), "x".repeat(70_000));
        var bad = CompletableFuture.supplyAsync(() -> intake.store(tooLong));
        var fine = IntStream.range(0, 20)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> intake.store(incoming(run + "-" + i, run))))
                .toList();

        fine.forEach(f -> assertThat(f.join().duplicate()).isFalse());
        assertThatThrownBy(bad::join).hasCauseInstanceOf(RuntimeException.class);
        assertThat(stored(run)).isEqualTo(20);
    }

    private long stored(String run) {
        return jdbc.sql("select count(*) from signals where url like ?")
                .param("%/" + run + "/%")
                .query(Long.class)
                .single();
    }

    private String signalId(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
        return json.readTree(response.body()).get("signalId").asString();
    }

    private Signals.Incoming incoming(String id, String run) {
        return new Signals.Incoming(signal(id, run), null);
    }

    private Signal signal(String id, String run) {
        return new Signal(
                id,
                SignalType.PAGE_VIEW,
                clock.instant(),
                "visitor@intake.example",
                null,
                "https://www.intake.example/" + run + "/blog",
                null,
                null,
                null,
                null);
    }

    private String pageView(String run, int i) {
        return """
                {"id":"%s-%d","type":"PAGE_VIEW","occurredAt":"%s","email":"visitor-%d@intake.example",\
                "url":"https://www.intake.example/%s/blog/%d"}"""
                .formatted(run, i, clock.instant(), i, run, i);
    }
}
