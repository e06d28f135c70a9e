package org.followthrough.webhooks;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.followthrough.appointments.AppointmentBooked;
import org.followthrough.appointments.AppointmentMissed;
import org.followthrough.prospects.ProspectChanged;
import org.followthrough.prospects.ProspectCreated;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.ProspectsImported;
import org.followthrough.signals.Signals;
import org.followthrough.signals.SignalsReceived;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the events other modules raise into deliveries, one per interested subscriber, inside the
 * transaction that raised the event: the delivery exists exactly when the change it reports does.
 * The body is {@code {"id", "type", "occurredAt", "data"}}; {@code id} is the same for every
 * subscriber and every attempt, so a receiver can ignore a delivery it has already had.
 */
@Component
class EventsToSubscribers {

    private final Subscribers subscribers;
    private final Deliveries deliveries;
    private final Prospects prospects;
    private final Signals signals;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    EventsToSubscribers(
            Subscribers subscribers,
            Deliveries deliveries,
            Prospects prospects,
            Signals signals,
            JsonMapper json,
            Clock clock,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        this.subscribers = subscribers;
        this.deliveries = deliveries;
        this.prospects = prospects;
        this.signals = signals;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(ProspectCreated created) {
        publish("prospect.created", () -> prospects
                .byId(created.prospectId())
                .map(p -> created(p, created.source()))
                .orElse(null));
    }

    /**
     * An import's new prospects are each a {@code prospect.created}, written after the import, a thousand per
     * transaction, so a large file never holds one huge transaction and costs nothing when nobody listens.
     */
    @ApplicationModuleListener
    void on(ProspectsImported imported) {
        if (nobodyWants("prospect.created")) {
            return;
        }
        java.util.List<org.followthrough.prospects.Prospect> page;
        UUID after = null;
        do {
            page = prospects.createdByImport(imported.importId(), after, 1000);
            var batch = page;
            transactions.executeWithoutResult(
                    status -> batch.forEach(p -> publish("prospect.created", () -> created(p, "IMPORT"))));
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == 1000);
    }

    private static Map<String, Object> created(org.followthrough.prospects.Prospect p, String source) {
        return data(
                "prospectId", p.id(),
                "fullName", p.fullName(),
                "email", p.email(),
                "company", p.company(),
                "stage", p.stage(),
                "ownerId", p.ownerId(),
                "source", source);
    }

    /** Many at once (a bulk action's page): each prospect as if their change came alone. */
    @EventListener
    void on(org.followthrough.prospects.ProspectsChanged changed) {
        changed.changes().forEach(this::on);
    }

    @EventListener
    void on(ProspectChanged changed) {
        if (changed.changed("stage")) {
            publish("prospect.stage_changed", () -> prospects
                    .byId(changed.prospectId())
                    .map(p -> data("prospectId", p.id(), "stage", p.stage(), "ownerId", p.ownerId()))
                    .orElse(null));
        }
    }

    @EventListener
    void on(AppointmentBooked booked) {
        publish(
                "appointment.booked",
                () -> data(
                        "appointmentId", booked.appointmentId(),
                        "prospectId", booked.prospectId(),
                        "ownerId", booked.ownerId(),
                        "at", booked.at()));
    }

    @EventListener
    void on(AppointmentMissed missed) {
        publish(
                "appointment.missed",
                () -> data(
                        "appointmentId", missed.appointmentId(),
                        "prospectId", missed.prospectId(),
                        "ownerId", missed.ownerId(),
                        "at", missed.at()));
    }

    @EventListener
    void on(SignalsReceived received) {
        if (nobodyWants("signal.received")) {
            return; // a busy website's page views cost nothing here unless someone subscribed to them
        }
        signals.received(received.signalIds()).forEach(one -> {
            var s = one.signal();
            publish(
                    "signal.received",
                    () -> data(
                            "signalId", one.signalId(),
                            "externalId", s.id(),
                            "type", s.type(),
                            "occurredAt", s.occurredAt(),
                            "email", s.email(),
                            "domain", s.domain(),
                            "url", s.url(),
                            "prospectId", one.match().prospectId()));
        });
    }

    private boolean nobodyWants(String event) {
        return subscribers.all().stream().noneMatch(s -> s.subscriber().wants(event));
    }

    /** Writes one delivery per subscriber who wants the event; the data is only built when someone does. */
    private void publish(String event, java.util.function.Supplier<Map<String, Object>> data) {
        var wanting = subscribers.all().stream()
                .filter(s -> s.subscriber().wants(event))
                .toList();
        if (wanting.isEmpty()) {
            return;
        }
        var body = data.get();
        if (body == null) {
            return;
        }
        var eventId = UUID.randomUUID();
        var envelope = new LinkedHashMap<String, Object>();
        envelope.put("id", eventId);
        envelope.put("type", event);
        envelope.put("occurredAt", clock.instant());
        envelope.put("data", body);
        var payload = json.writeValueAsString(envelope);
        wanting.forEach(s -> deliveries.add(s.subscriber().id(), eventId, event, payload));
    }

    private static Map<String, Object> data(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
