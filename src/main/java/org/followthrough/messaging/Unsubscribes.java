package org.followthrough.messaging;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A prospect opting out through a link: nothing more waits in the outbox for them, and the module
 * that owns the prospect records the opt-out when it hears {@link EmailOptOutRequested}.
 */
@Service
public class Unsubscribes {

    private final UnsubscribeLinks links;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Unsubscribes(UnsubscribeLinks links, Outbox outbox, ApplicationEventPublisher events, Clock clock) {
        this.links = links;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the token is a genuine unsubscribe token (the page asks before acting). */
    public boolean isGenuine(String token) {
        return links.verify(token).isPresent();
    }

    /** Opts the prospect of a genuine token out; returns which prospect, empty for a forged token. */
    @Transactional
    public Optional<UUID> optOut(String token) {
        var prospect = links.verify(token);
        prospect.ifPresent(id -> {
            outbox.cancelPendingFor(id);
            events.publishEvent(new EmailOptOutRequested(id, clock.instant()));
        });
        return prospect;
    }
}
