package org.followthrough.webhooks;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.team.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an administrator does with webhooks out: subscribe, list, unsubscribe, read and replay deliveries. */
@Service
public class Webhooks {

    /** A new subscription as asked for; {@code events} empty or null means all of them. */
    public record Subscription(String url, String secret, List<String> events) {}

    private final Subscribers subscribers;
    private final Deliveries deliveries;
    private final SubscriberAddresses addresses;

    Webhooks(Subscribers subscribers, Deliveries deliveries, SubscriberAddresses addresses) {
        this.subscribers = subscribers;
        this.deliveries = deliveries;
        this.addresses = addresses;
    }

    @Transactional
    public Subscriber subscribe(Actor admin, Subscription wanted) {
        var problems = new InvalidInput.Collector();
        if (!isWebAddress(wanted.url())) {
            problems.add(
                    "url", "is required: the http(s) address events are posted to, such as https://crm.example/hooks");
        } else {
            try {
                addresses.check(URI.create(wanted.url().strip()));
            } catch (IllegalArgumentException refused) {
                problems.add("url", refused.getMessage());
            }
        }
        if (wanted.secret() == null
                || wanted.secret().length() < 16
                || wanted.secret().length() > 200) {
            problems.add("secret", "is required: 16 to 200 characters the receiver checks signatures with");
        }
        var events = new LinkedHashSet<String>(wanted.events() == null ? List.of() : wanted.events());
        for (var event : events) {
            if (!Subscriber.EVENTS.contains(event)) {
                problems.add("events", "'" + event + "' is not one of " + String.join(", ", Subscriber.EVENTS));
            }
        }
        problems.throwIfAny();
        var id = subscribers.add(wanted.url().strip(), wanted.secret(), List.copyOf(events), admin.id());
        return subscribers.find(id).orElseThrow().subscriber();
    }

    public List<Subscriber> subscribers() {
        return subscribers.all().stream().map(Subscribers.Signing::subscriber).toList();
    }

    @Transactional
    public void unsubscribe(UUID id) {
        if (!subscribers.remove(id)) {
            throw Refusal.notFound("webhook subscriber", id);
        }
    }

    public List<Delivery> deliveries(UUID subscriberId, String status, int limit) {
        return deliveries.list(subscriberId, status, Math.max(1, Math.min(limit, 500)));
    }

    public Delivery delivery(UUID id) {
        return deliveries.find(id).orElseThrow(() -> Refusal.notFound("webhook delivery", id));
    }

    /** Sends a delivery again at once, with a fresh set of attempts. */
    @Transactional
    public Delivery replay(UUID id) {
        var delivery = delivery(id);
        if (!deliveries.replay(id)) {
            throw Refusal.conflict("Delivery " + id + " is being sent right now; replay it once this attempt is over.");
        }
        return deliveries.find(delivery.id()).orElseThrow();
    }

    private static boolean isWebAddress(String text) {
        if (text == null || text.isBlank() || text.length() > 2000) {
            return false;
        }
        try {
            var uri = URI.create(text.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && SubscriberAddresses.host(uri) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
