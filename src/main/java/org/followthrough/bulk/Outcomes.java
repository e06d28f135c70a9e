package org.followthrough.bulk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.cadence.Cadences;
import org.followthrough.calls.CadenceControl;
import org.followthrough.calls.Enrolment;
import org.followthrough.calls.EnrolmentRules;
import org.followthrough.calls.Enrolments;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Actor;
import org.springframework.stereotype.Component;

/**
 * What a bulk action does to one prospect, said the same way by the preview and by the run: either
 * it changes them, or it skips them for a reason a manager reads as a count ("37 skipped:
 * do-not-call"). The rules are those of the one-prospect actions they call.
 */
@Component
class Outcomes {

    private final CadenceControl control;
    private final Enrolments enrolments;
    private final Prospects prospects;
    private final Cadences cadences;

    Outcomes(CadenceControl control, Enrolments enrolments, Prospects prospects, Cadences cadences) {
        this.control = control;
        this.enrolments = enrolments;
        this.prospects = prospects;
        this.cadences = cadences;
    }

    /** Why the prospect would be skipped, or empty when the action changes them. */
    Optional<String> skip(Prospect p, BulkRequest r, UUID assignee) {
        return skip(p, r, assignee, running(r, List.of(p.id())));
    }

    /**
     * Why each of many prospects would be skipped, by prospect (those the action changes are left out):
     * each as {@link #skip(Prospect, BulkRequest, UUID)} says it, their running cadences read at once.
     */
    Map<UUID, String> skips(List<Prospect> page, BulkRequest r, UUID assignee) {
        var running = running(r, page.stream().map(Prospect::id).toList());
        if (r.action() == BulkRequest.Action.ENROL) {
            return enrolSkips(page, r.cadence().strip(), r.replacing(), running);
        }
        var skips = new HashMap<UUID, String>();
        for (var p : page) {
            skip(p, r, assignee, running).ifPresent(why -> skips.put(p.id(), why));
        }
        return skips;
    }

    /** The running cadences of the prospects (each list the main one first), for the actions that ask. */
    private Map<UUID, List<Enrolment>> running(BulkRequest r, List<UUID> ids) {
        return switch (r.action()) {
            case ENROL, UNENROL, PAUSE -> enrolments.runningOf(ids);
            case REASSIGN, DO_NOT_CALL -> Map.of();
        };
    }

    private Optional<String> skip(Prospect p, BulkRequest r, UUID assignee, Map<UUID, List<Enrolment>> running) {
        var mine = running.getOrDefault(p.id(), List.of());
        return switch (r.action()) {
            case ENROL ->
                Optional.ofNullable(enrolSkips(List.of(p), r.cadence().strip(), r.replacing(), running)
                        .get(p.id()));
            case UNENROL -> meantSkip(mine);
            case PAUSE -> meantSkip(mine).or(() -> paused(Enrolments.meantAmong(mine, null)));
            case REASSIGN -> p.ownerId().equals(assignee) ? Optional.of("already theirs") : Optional.empty();
            case DO_NOT_CALL -> p.doNotCall() ? Optional.of("already do-not-call") : Optional.empty();
        };
    }

    /**
     * Why each prospect would be left out of the cadence by an enrolment, in a few words a preview counts by
     * ("do-not-call", "already in a cadence"), by prospect; those it would enrol are left out. The cadence
     * is looked up once; {@code running} holds their running cadences ({@link Enrolments#runningOf}).
     */
    private Map<UUID, String> enrolSkips(
            List<Prospect> page, String cadenceKey, boolean replace, Map<UUID, List<Enrolment>> running) {
        var cadence = cadences.find(cadenceKey);
        var skips = new HashMap<UUID, String>();
        for (var p : page) {
            var mine = running.getOrDefault(p.id(), List.of());
            var main = mine.stream().filter(e -> !e.alongside()).findFirst();
            var skip = cadence.isEmpty()
                    ? Optional.of("no such cadence")
                    : EnrolmentRules.refusal(p, cadence.get())
                            .map(Outcomes::skipOf)
                            .or(() -> mine.stream().anyMatch(e -> e.cadenceKey().equals(cadenceKey))
                                    ? Optional.of("already in this cadence")
                                    : Optional.empty())
                            .or(() -> main.isPresent()
                                            && !replace
                                            && !cadence.get().alongside()
                                    ? Optional.of("already in a cadence")
                                    : Optional.empty());
            skip.ifPresent(why -> skips.put(p.id(), why));
        }
        return skips;
    }

    /** A rule of enrolment's refusal ({@link EnrolmentRules#refusal}) in the few words a preview counts by. */
    private static String skipOf(String refusal) {
        return refusal.contains("do-not-call")
                ? "do-not-call"
                : refusal.contains("opted out")
                        ? "opted out of email"
                        : refusal.contains("no email address") ? "no email address" : "nothing to do";
    }

    /**
     * Why the prospect would be left out of a pause or a taking-out that names no cadence: in none, or
     * in several with no main one to mean; empty when one is meant.
     */
    private static Optional<String> meantSkip(List<Enrolment> running) {
        if (Enrolments.meantAmong(running, null).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(running.isEmpty() ? "in no cadence" : "in several cadences");
    }

    private static Optional<String> paused(Optional<Enrolment> running) {
        return running.isEmpty()
                ? Optional.of("in no cadence")
                : running.filter(Enrolment::isPaused).isPresent() ? Optional.of("already paused") : Optional.empty();
    }

    /**
     * Does the action to many prospects in the caller's transaction, as the member who asked for it: a
     * reassignment or a do-not-call as one change to them all ({@link Prospects#changeAll}), an enrolment,
     * a pause or a taking out of cadences as one change to their cadences ({@link CadenceControl#enrolAll},
     * {@link CadenceControl#pauseAll}, {@link CadenceControl#unenrolAll}). The prospects refused, each with
     * its refusal; a cadence action's refusal is thrown (the caller then does them one by one).
     */
    Map<UUID, RuntimeException> applyAll(Actor actor, List<Prospect> page, BulkRequest r, String assigneeEmail) {
        if (page.isEmpty()) {
            return Map.of();
        }
        var ids = page.stream().map(Prospect::id).toList();
        return switch (r.action()) {
            case REASSIGN ->
                prospects.changeAll(actor, ids, Map.of("owner", assigneeEmail)).refused();
            case DO_NOT_CALL ->
                prospects.changeAll(actor, ids, Map.of("doNotCall", true)).refused();
            case ENROL -> {
                control.enrolAll(
                        actor, page, new CadenceControl.EnrolRequest(r.cadence().strip(), r.replacing()));
                yield Map.of();
            }
            case UNENROL -> {
                control.unenrolAll(actor, page);
                yield Map.of();
            }
            case PAUSE -> {
                control.pauseAll(actor, page, new CadenceControl.PauseRequest(r.reason(), r.until()));
                yield Map.of();
            }
        };
    }

    /** Does the action to the prospect, as the member who asked for it. */
    void apply(Actor actor, Prospect p, BulkRequest r, String assigneeEmail) {
        switch (r.action()) {
            case ENROL ->
                control.enrol(
                        actor,
                        p.id(),
                        new CadenceControl.EnrolRequest(r.cadence().strip(), r.replacing()));
            case UNENROL -> control.unenrol(actor, p.id(), null);
            case PAUSE -> control.pause(actor, p.id(), null, new CadenceControl.PauseRequest(r.reason(), r.until()));
            case REASSIGN -> prospects.change(actor, p.id(), Map.of("owner", assigneeEmail));
            case DO_NOT_CALL -> prospects.change(actor, p.id(), Map.of("doNotCall", true));
        }
    }

    /** The sentence a preview or a finished action ends with: "412 will be enrolled", "412 enrolled". */
    static String verb(BulkRequest.Action action) {
        return switch (action) {
            case ENROL -> "enrolled";
            case UNENROL -> "taken out of their cadence";
            case PAUSE -> "paused";
            case REASSIGN -> "reassigned";
            case DO_NOT_CALL -> "marked do-not-call";
        };
    }
}
