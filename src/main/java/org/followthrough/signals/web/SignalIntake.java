package org.followthrough.signals.web;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.followthrough.common.Refusal;
import org.followthrough.signals.Signals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Group commit for webhooks: each request hands its signal over and waits; a writer (or a few) takes
 * whatever has arrived meanwhile (up to {@code batch}) and stores it in one transaction, so a busy website
 * costs one commit per batch instead of one per page view, and nobody is answered before their signal is
 * stored. A batch that fails is stored again one signal at a time, so one bad signal fails only its own
 * request. When more is waiting than {@code capacity}, a request is answered 503 with Retry-After at
 * once rather than queued without bound.
 */
@Component
@EnableConfigurationProperties(SignalSettings.class)
class SignalIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SignalIntake.class);

    private record Waiting(Signals.Incoming incoming, CompletableFuture<Signals.Receipt> receipt) {}

    private final Signals signals;
    private final BlockingQueue<Waiting> waiting;
    private final int writers;
    private final int batch;
    private final DistributionSummary batchSizes;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    SignalIntake(Signals signals, MeterRegistry meters, SignalSettings settings) {
        int writers = settings.signals().intake().writers();
        int batch = settings.signals().intake().batch();
        int capacity = settings.signals().intake().capacity();
        if (writers < 1 || batch < 1 || capacity < 1) {
            throw new IllegalArgumentException(
                    "followthrough.signals.intake.writers, .batch and .capacity must each be at least 1");
        }
        this.signals = signals;
        this.writers = writers;
        this.batch = batch;
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.batchSizes = DistributionSummary.builder("followthrough.signals.batch.size")
                .description("signals stored in one transaction")
                .register(meters);
        Gauge.builder("followthrough.signals.waiting", waiting, BlockingQueue::size)
                .description("signals handed over and not yet stored")
                .register(meters);
    }

    /** Stores the signal (with others that arrived at the same moment) and answers once it is committed. */
    Signals.Receipt store(Signals.Incoming incoming) {
        if (!running) {
            return signals.receiveAll(List.of(incoming)).get(0);
        }
        var handed = new Waiting(incoming, new CompletableFuture<>());
        if (!waiting.offer(handed)) {
            throw busy();
        }
        return awaited(handed);
    }

    /** Stores a batch a sender posted together; the receipts in its order. */
    List<Signals.Receipt> storeAll(List<Signals.Incoming> incoming) {
        if (!running) {
            return signals.receiveAll(incoming);
        }
        if (waiting.remainingCapacity() < incoming.size()) {
            throw busy();
        }
        var handed = incoming.stream()
                .map(in -> new Waiting(in, new CompletableFuture<>()))
                .toList();
        for (var one : handed) {
            if (!waiting.offer(one)) {
                one.receipt().completeExceptionally(busy());
            }
        }
        var receipts = new ArrayList<Signals.Receipt>(handed.size());
        for (var one : handed) {
            receipts.add(awaited(one));
        }
        return receipts;
    }

    private static Signals.Receipt awaited(Waiting handed) {
        try {
            return handed.receipt().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException e ? e : new IllegalStateException(failed.getCause());
        } catch (TimeoutException slow) {
            // it may still be stored; the sender's retry carries the same id and then changes nothing
            throw busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private static Refusal busy() {
        return new Refusal(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Too busy",
                        "FollowThrough is taking in more signals than it can store right now; send this one again"
                                + " in a second (a signal sent twice with the same id is stored once).")
                .with("retryAfterSeconds", 1);
    }

    private void write() {
        var taken = new ArrayList<Waiting>(batch);
        while (running || !waiting.isEmpty()) {
            try {
                var first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                waiting.drainTo(taken, batch - 1);
                storeTaken(taken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                taken.clear();
            }
        }
    }

    private void storeTaken(List<Waiting> taken) {
        batchSizes.record(taken.size());
        try {
            var receipts =
                    signals.receiveAll(taken.stream().map(Waiting::incoming).toList());
            for (int i = 0; i < taken.size(); i++) {
                taken.get(i).receipt().complete(receipts.get(i));
            }
        } catch (RuntimeException failed) {
            if (taken.size() == 1) {
                taken.get(0).receipt().completeExceptionally(failed);
                return;
            }
            log.warn(
                    "A batch of {} signals could not be stored together; storing each on its own",
                    taken.size(),
                    failed);
            for (var one : taken) {
                try {
                    one.receipt()
                            .complete(
                                    signals.receiveAll(List.of(one.incoming())).get(0));
                } catch (RuntimeException alone) {
                    one.receipt().completeExceptionally(alone);
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 1; i <= writers; i++) {
            var thread = new Thread(this::write, "signal-intake-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** Stops taking signals in batches once the web server has stopped; what is waiting is stored first. */
    @Override
    public void stop() {
        running = false;
        for (var thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Below the web server's phase: it stops after requests have stopped arriving. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
