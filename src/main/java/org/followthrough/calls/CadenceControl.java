package org.followthrough.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.followthrough.cadence.Cadences;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Nullable;
import org.followthrough.common.PlainText;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a member does about a prospect's cadence by hand: see it, put the prospect in one (or move
 * them to another), take them out, pause it (with a reason, and the day it resumes by itself if one
 * is given) and resume it. When the prospect is in several (cadences that run alongside the main
 * one), the cadence's key says which; without it, the main one, or the only one, is meant. A rep
 * acts on their own prospects only; anyone else's answer 404.
 */
@Service
public class CadenceControl {

    /** A pause as asked for: why, and until when (a date in the prospect's zone, or an exact moment). */
    public record PauseRequest(String reason, String until) {}

    /** A running cadence of the prospect as a member sees it; {@code alongside}: beside their main one. */
    public record EnrolmentView(
            UUID id,
            String cadence,
            String cadenceName,
            Enrolment.Status status,
            Instant startedAt,
            int stepsDone,
            int steps,
            @Nullable Enrolment.Pause pause,
            boolean alongside) {}

    static final int MAX_REASON = 200;
    static final Duration LONGEST_PAUSE = Duration.ofDays(3 * 366);

    private final Enrolments enrolments;
    private final Prospects prospects;
    private final Cadences cadences;
    private final Clock clock;

    CadenceControl(Enrolments enrolments, Prospects prospects, Cadences cadences, Clock clock) {
        this.enrolments = enrolments;
        this.prospects = prospects;
        this.cadences = cadences;
        this.clock = clock;
    }

    /** Every running cadence of the prospect, the main one first. */
    public java.util.List<EnrolmentView> all(Actor actor, UUID prospectId) {
        prospects.get(actor, prospectId);
        return enrolments.running(prospectId).stream().map(this::view).toList();
    }

    /** The prospect's running cadence {@code cadenceKey} (null or blank: the main one, or the only one). */
    public Optional<EnrolmentView> of(Actor actor, UUID prospectId, @Nullable String cadenceKey) {
        prospects.get(actor, prospectId);
        return enrolments.meant(prospectId, keyOf(cadenceKey)).map(this::view);
    }

    /** Pauses the prospect's cadence {@code cadenceKey} (null: the main one, or the only one). */
    @Transactional
    public EnrolmentView pause(Actor actor, UUID prospectId, @Nullable String cadenceKey, PauseRequest request) {
        var p = prospects.get(actor, prospectId);
        return view(pause(List.of(p), () -> List.of(meant(p, cadenceKey, enrolments.running(p.id()))), request)
                .get(0));
    }

    /** The reason a pause gives, checked: required, one line of plain text, at most {@link #MAX_REASON}. */
    private static String reason(PauseRequest request, InvalidInput.Collector problems) {
        var reason = request == null || request.reason() == null
                ? ""
                : request.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            problems.add("reason", "is required, at most " + MAX_REASON + " characters, such as 'parental leave'");
        } else {
            PlainText.problem(reason, PlainText.Lines.ONE).ifPresent(m -> problems.add("reason", m));
        }
        return reason;
    }

    /** Resumes the prospect's paused cadence {@code cadenceKey} (null: the main one, or the only one). */
    @Transactional
    public EnrolmentView resume(Actor actor, UUID prospectId, @Nullable String cadenceKey) {
        var p = prospects.get(actor, prospectId);
        return view(enrolments.resume(
                prospectId, meant(p, cadenceKey, enrolments.running(p.id())).cadenceKey()));
    }

    /** A cadence's key as a member names it; null when none is named (blank included). */
    private static @Nullable String keyOf(@Nullable String cadenceKey) {
        return cadenceKey == null || cadenceKey.isBlank() ? null : cadenceKey.strip();
    }

    /**
     * Of the prospect's running enrolments ({@code all}), the one a member means ({@link Enrolments#meantAmong});
     * else a refusal (409) says there is none, or names the cadences to choose from when several run.
     */
    private Enrolment meant(Prospect p, @Nullable String cadenceKey, List<Enrolment> all) {
        var key = keyOf(cadenceKey);
        var meant = Enrolments.meantAmong(all, key);
        if (meant.isPresent()) {
            return meant.get();
        }
        var running = all.stream().map(Enrolment::cadenceKey).toList();
        if (key != null && !running.isEmpty()) {
            throw new Refusal(
                            HttpStatus.CONFLICT,
                            "Not in that cadence",
                            p.fullName() + " is not in " + key + "; they are in " + String.join(", ", running) + ".")
                    .with("cadences", running);
        }
        if (running.size() > 1) {
            throw new Refusal(
                            HttpStatus.CONFLICT,
                            "Several cadences running",
                            p.fullName() + " is in " + String.join(", ", running)
                                    + "; say which with the cadence parameter, such as ?cadence=" + running.get(0)
                                    + ".")
                    .with("cadences", running);
        }
        throw new Refusal(
                HttpStatus.CONFLICT, "No cadence running", "This prospect is in no cadence; enrol them first.");
    }

    /** A cadence to put the prospect in; {@code replace} moves them out of the one they are in. */
    public record EnrolRequest(String cadence, Boolean replace) {}

    /**
     * Puts the prospect in the cadence by hand, with the rules automatic enrolment keeps: nobody
     * do-not-call in a cadence that calls (R2), nobody opted out of email in one that only emails,
     * one running cadence per prospect unless the cadence runs alongside the others — the one they are
     * in ends only when {@code replace} says so. A cadence that runs alongside starts beside the one
     * they are in; if it already runs for them, it starts again only when {@code replace} says so. A
     * cadence they left part-way goes on where it stopped (R6).
     */
    @Transactional
    public EnrolmentView enrol(Actor actor, UUID prospectId, EnrolRequest request) {
        var p = prospects.get(actor, prospectId);
        var key = enrolAll(actor, List.of(p), request);
        return enrolments
                .meant(prospectId, key)
                .or(() -> enrolments.active(prospectId))
                .map(this::view)
                .orElseThrow();
    }

    /**
     * Takes the prospect out of their cadence {@code cadenceKey} (null: the main one, or the only one):
     * its calls leave the queue, its waiting emails are withdrawn.
     */
    @Transactional
    public void unenrol(Actor actor, UUID prospectId, @Nullable String cadenceKey) {
        var p = prospects.get(actor, prospectId);
        enrolments.endAllByHand(
                List.of(meant(p, cadenceKey, enrolments.running(p.id()))),
                "taken out by " + actor.fullName(),
                actor.id());
    }

    /**
     * {@link #enrol} for many prospects at once (a bulk action's page), with each of its rules for each
     * prospect: the first prospect refused refuses the whole change, as {@link #enrol} would refuse them
     * alone, so the caller may do them one by one to learn who. Their running cadences are read at once and
     * the enrolments start together ({@link Enrolments#startAll}). The prospects are as read in the caller's
     * transaction, and each must be one the member sees. The cadence's key.
     */
    @Transactional
    public String enrolAll(Actor actor, java.util.List<Prospect> page, EnrolRequest request) {
        var key = keyOf(request == null ? null : request.cadence());
        if (key == null) {
            throw InvalidInput.of("cadence", "is required: the key of a cadence, such as first-time-calls");
        }
        var cadence = cadences.find(key)
                .orElseThrow(
                        () -> InvalidInput.of("cadence", "names no cadence ('" + key + "'); see GET /api/v1/cadences"));
        seen(actor, page);
        var running = enrolments.runningOf(page.stream().map(Prospect::id).toList());
        for (var p : page) {
            refuseEnrolment(p, cadence, running.getOrDefault(p.id(), List.of()), request);
        }
        enrolments.startAll(page, key, clock.instant());
        return key;
    }

    /**
     * Refuses to put the prospect in the cadence when a rule of enrolment forbids it (422), or when they are
     * in the way of it without {@code replace} (409): their main cadence for one that is not alongside, the
     * cadence's own earlier run for one alongside. {@code running} is {@link Enrolments#running}'s list.
     */
    private static void refuseEnrolment(
            Prospect p, org.followthrough.cadence.Cadence cadence, List<Enrolment> running, EnrolRequest request) {
        EnrolmentRules.refusal(p, cadence).ifPresent(reason -> {
            throw new Refusal(HttpStatus.valueOf(422), "Cannot enrol", reason);
        });
        var in = running.stream()
                .filter(e -> cadence.alongside() ? e.cadenceKey().equals(cadence.key()) : !e.alongside())
                .findFirst();
        if (in.isPresent() && !Boolean.TRUE.equals(request.replace())) {
            throw new Refusal(
                            HttpStatus.CONFLICT,
                            "Already in a cadence",
                            p.fullName() + " is in " + in.get().cadenceKey()
                                    + (cadence.alongside()
                                            ? " already; send replace: true to start it again."
                                            : "; send replace: true to move them into " + cadence.key() + "."))
                    .with("cadence", in.get().cadenceKey());
        }
    }

    /**
     * {@link #unenrol} for many prospects at once: each must be in a cadence (the first in none refuses the
     * whole change), and their cadences end together, recorded as ended by the member by hand.
     */
    @Transactional
    public void unenrolAll(Actor actor, java.util.List<Prospect> page) {
        seen(actor, page);
        enrolments.endAllByHand(meantOf(page), "taken out by " + actor.fullName(), actor.id());
    }

    /**
     * {@link #pause} for many prospects at once: the reason checked once, the day it ends read in each
     * prospect's own zone; each must be in a cadence that is not paused yet (the first that is not refuses
     * the whole change), and their cadences pause together.
     */
    @Transactional
    public void pauseAll(Actor actor, java.util.List<Prospect> page, PauseRequest request) {
        seen(actor, page);
        pause(page, () -> meantOf(page), request);
    }

    /**
     * Pauses the cadences {@code meant} names once the request is checked (the reason once, the day it ends in
     * each prospect's own zone); the paused enrolments, in the same order.
     */
    private List<Enrolment> pause(List<Prospect> page, Supplier<List<Enrolment>> meant, PauseRequest request) {
        var problems = new InvalidInput.Collector();
        var reason = reason(request, problems);
        var until = new java.util.HashMap<UUID, Instant>();
        for (var p : page) {
            var at = until(p, request == null ? null : request.until(), problems);
            problems.throwIfAny();
            if (at != null) {
                until.put(p.id(), at);
            }
        }
        problems.throwIfAny();
        return enrolments.pauseAll(meant.get(), reason, until);
    }

    /**
     * The cadence each prospect of the page means when none is named (their main one, or their only one),
     * read at once; the first prospect in none, or in several alongside with no main one, refuses the whole
     * change, so the caller may do them one by one to learn who and why.
     */
    private List<Enrolment> meantOf(List<Prospect> page) {
        var running = enrolments.runningOf(page.stream().map(Prospect::id).toList());
        return page.stream()
                .map(p -> meant(p, null, running.getOrDefault(p.id(), List.of())))
                .toList();
    }

    /** Each prospect is one the member sees, as {@link Prospects#get} asks; the first they do not answers 404. */
    private static void seen(Actor actor, java.util.List<Prospect> page) {
        for (var p : page) {
            if (!actor.maySee(p.ownerId())) {
                throw Refusal.notFound("prospect", p.id());
            }
        }
    }

    /** The moment a pause ends: a date means its start in the prospect's zone; it must be to come. */
    private Instant until(Prospect p, String text, InvalidInput.Collector problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = text.strip().length() == 10
                    ? LocalDate.parse(text.strip()).atStartOfDay(p.timeZone()).toInstant()
                    : OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add("until", "must be a date such as 2027-03-01, or a moment such as 2027-03-01T09:00:00-05:00");
            return null;
        }
        var now = clock.instant();
        if (!at.isAfter(now)) {
            problems.add("until", "must be to come; leave it out to resume by hand");
        } else if (at.isAfter(now.plus(LONGEST_PAUSE))) {
            problems.add("until", "must be within three years");
        }
        return at;
    }

    EnrolmentView view(Enrolment e) {
        var cadence = cadences.find(e.cadenceKey());
        return new EnrolmentView(
                e.id(),
                e.cadenceKey(),
                cadence.map(c -> c.name()).orElse(e.cadenceKey()),
                e.status(),
                e.startedAt(),
                e.lastDoneN(),
                cadence.map(c -> c.steps().size()).orElse(0),
                e.pause(),
                e.alongside());
    }
}
