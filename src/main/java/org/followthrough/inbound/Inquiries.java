package org.followthrough.inbound;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.ProspectFields;
import org.followthrough.prospects.Prospects;
import org.followthrough.signals.Signal;
import org.followthrough.signals.SignalReceived;
import org.followthrough.signals.SignalType;
import org.followthrough.signals.Signals;
import org.followthrough.signals.SignalsReceived;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Speed to lead (R7, R20): a web inquiry puts a call at the top of the owner's queue at once — the
 * first call of the first-time-call cadence for someone new or still being worked, a trigger call
 * ({@link Triggers}) for someone in nurture, lost, won or not contacted for 30 days — inside the legal
 * window, and tells the owner live.
 */
@Component
class Inquiries {

    private static final Logger log = LoggerFactory.getLogger(Inquiries.class);
    /** Who acts when a web form creates a prospect: hands the new prospect to the reps in turn. */
    static final Actor WEB_FORM =
            new Actor(new UUID(0, 1), "web-form@followthrough.local", "Web form", Role.MANAGER, ZoneOffset.UTC);

    /** Signal received to call stored, for inquiries and trigger events alike. */
    static final String LATENCY = "followthrough.inquiry.to.task";

    private final Prospects prospects;
    private final Team team;
    private final Signals signals;
    private final Triggers triggers;
    private final Replies replies;
    private final RaisedCalls calls;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final TransactionTemplate transactions;

    Inquiries(
            Prospects prospects,
            Team team,
            Signals signals,
            Triggers triggers,
            Replies replies,
            RaisedCalls calls,
            ApplicationEventPublisher events,
            Clock clock,
            io.micrometer.core.instrument.MeterRegistry meters,
            TransactionTemplate transactions) {
        this.prospects = prospects;
        this.team = team;
        this.signals = signals;
        this.triggers = triggers;
        this.replies = replies;
        this.calls = calls;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
        this.transactions = transactions;
    }

    /**
     * A batch of new signals, handled together in one transaction; should one of them fail, each is handled
     * again in its own, and any that still fails is handed on alone, so it is retried without holding up
     * the rest (R23: a bad moment never loses an inquiry).
     */
    @Async
    @TransactionalEventListener
    void on(SignalsReceived received) {
        var batch = signals.received(received.signalIds());
        if (batch.size() <= 1) {
            try {
                transactions.executeWithoutResult(status -> batch.forEach(this::handle));
            } catch (RuntimeException failed) {
                batch.forEach(this::failing);
                throw failed;
            }
            return;
        }
        try {
            transactions.executeWithoutResult(status -> batch.forEach(this::handle));
        } catch (RuntimeException failed) {
            log.warn("A batch of {} signals failed together; handling each on its own", batch.size(), failed);
            var failing = new java.util.ArrayList<UUID>();
            for (var one : batch) {
                try {
                    transactions.executeWithoutResult(status -> handle(one));
                } catch (RuntimeException alone) {
                    log.warn("Signal {} could not be handled; it will be retried", one.signalId(), alone);
                    failing(one);
                    failing.add(one.signalId());
                }
            }
            transactions.executeWithoutResult(
                    status -> failing.forEach(id -> events.publishEvent(new SignalsReceived(List.of(id)))));
        }
    }

    /** An inquiry that failed stays visible to administrators until a retry takes it (R23). */
    private void failing(SignalReceived received) {
        if (received.signal().type() == SignalType.INQUIRY) {
            transactions.executeWithoutResult(status -> signals.failing(
                    received.signalId(),
                    "Could not be turned into a prospect and a call yet; FollowThrough tries again"
                            + " (the server log has the error with this signal's id)."));
        }
    }

    private void handle(SignalReceived received) {
        var signal = received.signal();
        if (signal.type() != SignalType.INQUIRY) {
            // one listener for all signals: each signal costs one stored event publication, not one per reaction
            triggers.react(received);
            replies.react(received);
            return;
        }
        var prospect = signal.email() == null
                ? null
                : prospects.byEmail(signal.email()).orElse(null);
        String warning = null;
        boolean known = prospect != null;
        if (!known) {
            var taken = create(received, colleagueOwner(received));
            if (taken == null) {
                return;
            }
            prospect = taken.saved().prospect();
            // someone known by phone alone wrote in again without an email
            known = !taken.saved().created();
            warning = warning(taken, prospect);
        }
        if (known) {
            prospect = refreshed(prospect, signal);
            if (!prospect.stage().isOpen() || triggers.cold(prospect)) {
                var reason = "Web inquiry " + triggers.ago(signal) + " (matched by "
                        + (signal.email() == null ? "phone " + prospect.phoneE164() : "email " + signal.email()) + ")"
                        + (signal.message() == null || signal.message().isBlank()
                                ? ""
                                : ": " + abbreviate(signal.message()));
                if (triggers.raise(prospect, reason) != null) {
                    meters.timer(LATENCY).record(java.time.Duration.between(received.receivedAt(), clock.instant()));
                }
                signals.taken(received.signalId(), prospect.id(), null);
                return;
            }
        }
        if (prospect.doNotCall()) {
            warning = (warning == null ? "" : warning + " ") + "The prospect may not be called: no call was raised.";
        }
        raise(prospect, signal);
        signals.taken(received.signalId(), prospect.id(), warning);
        meters.timer(LATENCY).record(java.time.Duration.between(received.receivedAt(), clock.instant()));
    }

    /**
     * Someone new from a company the team already works (matched by web domain): the owner of the
     * company's most recently active prospect takes them, so one rep keeps the account. An owner who was
     * deactivated takes nobody: the inquiry goes round the reps instead of being refused.
     */
    private String colleagueOwner(SignalReceived received) {
        return received.match().found()
                ? prospects
                        .byId(received.match().prospectId())
                        .flatMap(colleague -> team.member(colleague.ownerId()))
                        .filter(Member::active)
                        .map(Member::email)
                        .orElse(null)
                : null;
    }

    /**
     * Someone known wrote in again: the phone, name and company their inquiry gives replace what was kept
     * (a time zone inferred from the old phone follows the new one), through the prospects' own change
     * path; what the inquiry leaves out stays, and a value that cannot be taken is left out, never the call.
     */
    private Prospect refreshed(Prospect known, Signal s) {
        var changes = new java.util.LinkedHashMap<String, Object>();
        if (given(s.name())) {
            changes.put("fullName", s.name());
        }
        if (given(s.phone())) {
            changes.put("phone", s.phone());
        }
        if (given(s.company())) {
            changes.put("company", s.company());
        }
        return changes.isEmpty() ? known : prospects.changeWhatFits(WEB_FORM, known.id(), changes);
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * A new person: a value their form gave that cannot be read (a time zone, a region, a phone beside an
     * email) is set aside and named in a warning; an inquiry that names nobody FollowThrough can reach, or
     * someone erased, is rejected, visibly, with why.
     */
    private Prospects.Taken create(SignalReceived received, String owner) {
        var s = received.signal();
        var name = s.name() != null && !s.name().isBlank()
                ? s.name()
                : s.email() == null
                        ? "Web inquiry"
                        : s.email().substring(0, s.email().indexOf('@'));
        var taken = prospects.createWhatFits(
                WEB_FORM,
                new ProspectFields(
                        name,
                        null,
                        s.email(),
                        s.phone(),
                        s.company(),
                        s.domain(),
                        null,
                        s.country(),
                        s.region(),
                        s.timeZone(),
                        null,
                        owner,
                        null,
                        null),
                "SIGNAL");
        if (taken.saved() == null) {
            signals.rejected(received.signalId(), "Not taken: " + taken.refused());
            return null;
        }
        return taken;
    }

    private static String warning(Prospects.Taken taken, Prospect prospect) {
        if (taken.setAside().isEmpty()) {
            return null;
        }
        return "Taken without what could not be read: " + described(taken.setAside()) + ". The prospect's time zone is "
                + prospect.timeZone().getId() + " ("
                + prospect.timeZoneSource().name().toLowerCase(java.util.Locale.ROOT)
                + ").";
    }

    private static String described(List<InvalidInput.FieldProblem> problems) {
        return String.join(
                "; ", problems.stream().map(p -> p.field() + " " + p.message()).toList());
    }

    /** Someone new or being worked: their next cadence call comes forward as an inbound call. */
    private void raise(Prospect p, Signal s) {
        var reason = "Web inquiry " + triggers.ago(s)
                + (s.message() == null || s.message().isBlank() ? "" : ": " + abbreviate(s.message()));
        calls.inbound(p, reason);
    }

    private static String abbreviate(String text) {
        var flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 197) + "..." : flat;
    }
}
