package org.followthrough.bulk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.ProspectSearch;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.Team;
import org.followthrough.timing.TimedAction;
import org.followthrough.timing.TimedActions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk actions: the preview that says what an action would do to how many of a search, and the
 * action itself, recorded and run in the background ({@link BulkRuns}). A member's search holds
 * only the prospects they may see, so a rep only ever touches their own; reassigning is for
 * managers and administrators.
 */
@Service
public class BulkActions {

    /** What an action would do: how many it would change, how many it would skip and why. */
    public record Preview(
            BulkRequest.Action action, int total, int willChange, Map<String, Integer> skipped, String summary) {}

    /** A recorded bulk action and how far it got. */
    public record Recorded(
            UUID id,
            BulkRequest.Action action,
            String description,
            String requestedBy,
            Instant requestedAt,
            String status,
            int total,
            int processed,
            int changed,
            int skipped,
            Map<String, Integer> skippedBy,
            Instant finishedAt) {}

    private final ProspectSearch search;
    private final Outcomes outcomes;
    private final BulkRows rows;
    private final TimedActions actions;
    private final Team team;
    private final JsonMapper json;
    private final Clock clock;

    BulkActions(
            ProspectSearch search,
            Outcomes outcomes,
            BulkRows rows,
            TimedActions actions,
            Team team,
            JsonMapper json,
            Clock clock) {
        this.search = search;
        this.outcomes = outcomes;
        this.rows = rows;
        this.actions = actions;
        this.team = team;
        this.json = json;
        this.clock = clock;
    }

    public Preview preview(Actor actor, BulkRequest request) {
        var assignee = checked(actor, request);
        var skipped = new TreeMap<String, Integer>();
        int[] counts = new int[2];
        var assigneeId = assignee == null ? null : assignee.id();
        // a page of the search at a time, so what the action asks about them (their cadences) is read at once
        var page = new ArrayList<org.followthrough.prospects.Prospect>();
        Runnable count = () -> {
            var skips = outcomes.skips(page, request, assigneeId);
            counts[0] += page.size();
            counts[1] += page.size() - skips.size();
            skips.values().forEach(why -> skipped.merge(why, 1, Integer::sum));
            page.clear();
        };
        search.each(actor, request.filter(), p -> {
            page.add(p);
            if (page.size() == BulkRuns.PAGE) {
                count.run();
            }
        });
        count.run();
        return new Preview(
                request.action(),
                counts[0],
                counts[1],
                skipped,
                summary(counts[1] + " will be " + Outcomes.verb(request.action()), counts[0] - counts[1], skipped));
    }

    /** Records the action with the prospects of the search as they are now, and starts it in the background. */
    @Transactional
    public Recorded start(Actor actor, BulkRequest request) {
        checked(actor, request);
        var ids = new ArrayList<UUID>();
        search.each(actor, request.filter(), p -> ids.add(p.id()));
        var id = UUID.randomUUID();
        var now = clock.instant();
        rows.insert(id, request.action(), json.writeValueAsString(request), actor.id(), now, ids);
        actions.schedule(new TimedAction(BulkRuns.KIND, id.toString(), now, null));
        return find(actor, id);
    }

    /** A recorded action: its requester's, or anyone's for a manager or administrator; 404 otherwise. */
    public Recorded find(Actor actor, UUID id) {
        return rows.find(id)
                .filter(r -> actor.seesWholeTeam() || r.requestedBy().equals(actor.id()))
                .map(this::recorded)
                .orElseThrow(() -> Refusal.notFound("bulk action", id));
    }

    /** The latest actions the member may see: their own, or the team's for a manager. */
    public List<Recorded> latest(Actor actor, int limit) {
        return rows.latest(actor.seesWholeTeam() ? null : actor.id(), limit).stream()
                .map(this::recorded)
                .toList();
    }

    private Member checked(Actor actor, BulkRequest request) {
        if (request == null) {
            throw InvalidInput.of("action", "send {action, q?, stage?, owner?, ...}");
        }
        request.check();
        if (request.action() == BulkRequest.Action.REASSIGN) {
            if (!actor.seesWholeTeam()) {
                throw Refusal.forbidden("Only managers and administrators reassign prospects.");
            }
            return team.memberByEmail(request.assignTo().strip().toLowerCase(Locale.ROOT))
                    .filter(Member::active)
                    .orElseThrow(() ->
                            InvalidInput.of("assignTo", "'" + request.assignTo() + "' is no active member's email"));
        }
        return null;
    }

    private Recorded recorded(BulkRows.Row r) {
        var request = json.readValue(r.request(), BulkRequest.class);
        var skippedBy = r.skippedBy() == null
                ? Map.<String, Integer>of()
                : json.readValue(r.skippedBy(), new TypeReference<TreeMap<String, Integer>>() {});
        return new Recorded(
                r.id(),
                r.action(),
                describe(request),
                team.member(r.requestedBy()).map(Member::fullName).orElse("a former member"),
                r.requestedAt(),
                r.status(),
                r.total(),
                r.processed(),
                r.changed(),
                r.skipped(),
                skippedBy,
                r.finishedAt());
    }

    /** What was asked, in words: "Enrol in first-time-calls: stage NEW, search 'acme'". */
    static String describe(BulkRequest r) {
        var what =
                switch (r.action()) {
                    case ENROL ->
                        "Enrol in " + r.cadence() + (r.replacing() ? " (moving them from their cadence)" : "");
                    case UNENROL -> "Take out of their cadence";
                    case PAUSE ->
                        "Pause (" + r.reason() + ")"
                                + (r.until() == null || r.until().isBlank() ? "" : " until " + r.until());
                    case REASSIGN -> "Reassign to " + r.assignTo();
                    case DO_NOT_CALL -> "Mark do-not-call";
                };
        var of = new ArrayList<String>();
        if (r.stage() != null && !r.stage().isBlank()) {
            of.add("stage " + r.stage());
        }
        if (r.owner() != null && !r.owner().isBlank()) {
            of.add("owner " + r.owner());
        }
        if (r.q() != null && !r.q().isBlank()) {
            of.add("search '" + r.q() + "'");
        }
        return what + ": " + (of.isEmpty() ? "every prospect" : String.join(", ", of));
    }

    static String summary(String done, int skippedCount, Map<String, Integer> skipped) {
        if (skippedCount == 0) {
            return done + ".";
        }
        var why = new ArrayList<String>();
        skipped.forEach((reason, n) -> why.add(skipped.size() == 1 ? reason : n + " " + reason));
        return done + ", " + skippedCount + " skipped: " + String.join(", ", why) + ".";
    }
}
