package org.followthrough.signals;

import io.micrometer.core.instrument.MeterRegistry;
import org.followthrough.messaging.EmailLinkClicked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A click on a tracked link in our own email is an EMAIL_CLICK signal, taken in by the same path as
 * the webhook and inside the click's transaction: stored once, matched, announced as {@link SignalReceived}.
 */
@Component
class TrackedEmailSignals {

    private final Signals signals;
    private final MeterRegistry meters;

    TrackedEmailSignals(Signals signals, MeterRegistry meters) {
        this.signals = signals;
        this.meters = meters;
    }

    @EventListener
    void on(EmailLinkClicked click) {
        var receipt = signals.receive(new Signal(
                click.clickId(),
                SignalType.EMAIL_CLICK,
                click.at(),
                click.address(),
                null,
                click.url(),
                null,
                null,
                null,
                null));
        meters.counter(
                        "followthrough.signals.received",
                        "type",
                        SignalType.EMAIL_CLICK.name(),
                        "duplicate",
                        String.valueOf(receipt.duplicate()))
                .increment();
    }
}
