package org.followthrough.signals;

import io.micrometer.core.instrument.MeterRegistry;
import org.followthrough.messaging.EmailLinkClicked;
import org.followthrough.messaging.EmailOpened;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A click on a tracked link in our own email is an EMAIL_CLICK signal, an open of it an EMAIL_OPEN, taken in by the same path as
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
        counted(SignalType.EMAIL_CLICK, receipt);
    }

    /** An open of our email: one EMAIL_OPEN per email, however often it is opened again. */
    @EventListener
    void on(EmailOpened open) {
        var receipt = signals.receive(new Signal(
                "email-open-" + open.emailId(),
                SignalType.EMAIL_OPEN,
                open.at(),
                open.address(),
                null,
                null,
                null,
                null,
                null,
                null));
        counted(SignalType.EMAIL_OPEN, receipt);
    }

    private void counted(SignalType type, Signals.Receipt receipt) {
        meters.counter(
                        "followthrough.signals.received",
                        "type",
                        type.name(),
                        "duplicate",
                        String.valueOf(receipt.duplicate()))
                .increment();
    }
}
