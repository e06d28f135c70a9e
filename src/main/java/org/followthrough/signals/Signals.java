package org.followthrough.signals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes in outside signals, once each, and tells the modules that act on them. */
@Service
public class Signals {

    /** What became of a delivered signal: stored now, or already known from an earlier delivery. */
    public record Receipt(UUID signalId, boolean duplicate) {}

    /** A stored signal about a prospect, as the intent score reads it. */
    public record Seen(UUID signalId, UUID prospectId, SignalType type, Instant occurredAt, String url) {}

    /**
     * What became of an inquiry that was not simply taken: {@code outcome} is REJECTED (the detail says
     * why), FAILING (it is being retried) or TAKEN with a warning in the detail (a value set aside).
     */
    public record InquiryOutcome(
            UUID signalId,
            String senderId,
            Instant receivedAt,
            String outcome,
            String detail,
            String name,
            String email,
            String phone,
            String company,
            UUID prospectId,
            Instant at) {}

    /** A signal as it arrived: {@code rawBody} is the body the sender signed, kept as evidence (null when FollowThrough made the signal itself). */
    public record Incoming(Signal signal, String rawBody) {}

    private final SignalRows rows;
    private final SignalMatching matching;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Signals(SignalRows rows, SignalMatching matching, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.matching = matching;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Receipt receive(Signal signal) {
        return receiveAll(List.of(new Incoming(signal, null))).get(0);
    }

    /**
     * Stores the signals not seen before in one transaction and announces them in one {@link SignalsReceived};
     * a signal whose sender id is already stored (earlier, or earlier in the same list) is a duplicate and
     * changes nothing. The receipts are in the order of the list.
     */
    @Transactional
    public List<Receipt> receiveAll(List<Incoming> incoming) {
        var now = clock.instant();
        var matches = matching.matchAll(incoming.stream().map(Incoming::signal).toList());
        var firsts = new ArrayList<SignalRows.Row>();
        var ids = new UUID[incoming.size()];
        var seen = new HashSet<String>();
        for (int i = 0; i < incoming.size(); i++) {
            var in = incoming.get(i);
            if (seen.add(in.signal().id())) {
                ids[i] = UUID.randomUUID();
                firsts.add(new SignalRows.Row(ids[i], in.signal(), in.rawBody(), matches.get(i), now));
            }
        }
        var stored = rows.insertNew(firsts);
        var storedNow = new HashMap<String, UUID>();
        firsts.stream()
                .filter(row -> stored.contains(row.signal().id()))
                .forEach(row -> storedNow.put(row.signal().id(), row.id()));
        var earlier = rows.idsOf(incoming.stream()
                .map(in -> in.signal().id())
                .filter(id -> !stored.contains(id))
                .distinct()
                .toList());
        var receipts = new ArrayList<Receipt>(incoming.size());
        var announced = new ArrayList<UUID>();
        for (int i = 0; i < incoming.size(); i++) {
            var externalId = incoming.get(i).signal().id();
            if (ids[i] != null && stored.contains(externalId)) {
                receipts.add(new Receipt(ids[i], false));
                announced.add(ids[i]);
            } else {
                // known from an earlier delivery, or repeated within this list
                receipts.add(new Receipt(storedNow.getOrDefault(externalId, earlier.get(externalId)), true));
            }
        }
        if (!announced.isEmpty()) {
            events.publishEvent(new SignalsReceived(announced));
        }
        return receipts;
    }

    /** The signals named by a {@link SignalsReceived}, in its order, as they are stored now. */
    public List<SignalReceived> received(List<UUID> signalIds) {
        return rows.byIds(signalIds);
    }

    /** Ties a signal to the prospect it created (a first inquiry), so it counts for their score. */
    @Transactional
    public void attach(UUID signalId, UUID prospectId) {
        rows.attach(signalId, prospectId);
    }

    /** The inquiry became the prospect's call; {@code warning} names what was set aside (null: nothing). */
    @Transactional
    public void taken(UUID signalId, UUID prospectId, String warning) {
        rows.attach(signalId, prospectId);
        rows.outcome(signalId, "TAKEN", warning, clock.instant());
    }

    /** The inquiry names nobody FollowThrough can reach (or someone erased): kept, visibly, with why. */
    @Transactional
    public void rejected(UUID signalId, String reason) {
        rows.outcome(signalId, "REJECTED", reason, clock.instant());
    }

    /** The inquiry could not be handled this time and is retried; shown until it is taken. */
    @Transactional
    public void failing(UUID signalId, String reason) {
        rows.outcome(signalId, "FAILING", reason, clock.instant());
    }

    /** The inquiries rejected, still failing or taken with a warning, newest first, at most {@code limit}. */
    public List<InquiryOutcome> inquiryProblems(int limit) {
        return rows.inquiryProblems(limit);
    }

    /** The signals about these prospects that happened since {@code since}, newest first. */
    public List<Seen> about(Collection<UUID> prospectIds, Instant since) {
        return rows.about(prospectIds, since);
    }

    /** The prospects with a signal since {@code since}, latest first, at most {@code limit}. */
    public List<UUID> prospectsSince(Instant since, int limit) {
        return rows.prospectsSince(since, limit);
    }
}
