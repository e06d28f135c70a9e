package org.followthrough.bulk;

import java.time.Clock;
import java.util.TreeMap;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Member;
import org.followthrough.team.Team;
import org.followthrough.timing.TimedAction;
import org.followthrough.timing.TimedActionHandler;
import org.followthrough.timing.TimedActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a recorded bulk action in the background: a page of its prospects at a time, the page's
 * changes and its progress in one transaction (one commit per page, not per prospect, so a large
 * selection does not hold the database). A page's prospects are read at once and a reassignment or a
 * do-not-call is one change to the whole page ({@link Prospects#changeAll}), and so is an enrolment,
 * a pause or a taking out of cadences ({@link org.followthrough.calls.CadenceControl#enrolAll} and its
 * siblings). When the queue answers slower than it should meanwhile ({@link BulkSettings#queueLatency}), or
 * the turn has worked for long enough ({@link BulkSettings#turnLength}), the run gives way after the page:
 * it ends its turn and goes on at the scheduler's next poll. A page
 * where one change is refused by an exception is done again with each prospect in its own transaction,
 * so one refused change holds up nobody else. Performed again after a crash, it goes on after the last
 * page stored, as the member who asked, who still sees only what they may see.
 */
@Component
@org.springframework.boot.context.properties.EnableConfigurationProperties(BulkSettings.class)
class BulkRuns implements TimedActionHandler {

    static final String KIND = "bulk-action";
    static final int PAGE = 200;

    private static final Logger log = LoggerFactory.getLogger(BulkRuns.class);

    private final BulkRows rows;
    private final Outcomes outcomes;
    private final Prospects prospects;
    private final Team team;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final TimedActions actions;
    private final QueueWatch queue;
    private final BulkSettings settings;

    BulkRuns(
            BulkRows rows,
            Outcomes outcomes,
            Prospects prospects,
            Team team,
            org.springframework.transaction.PlatformTransactionManager transactions,
            JsonMapper json,
            Clock clock,
            TimedActions actions,
            QueueWatch queue,
            BulkSettings settings) {
        this.actions = actions;
        this.queue = queue;
        this.settings = settings;
        this.rows = rows;
        this.outcomes = outcomes;
        this.prospects = prospects;
        this.team = team;
        // a timed action runs in the transaction that records it ran: each page (and each prospect of a page
        // done again) is a transaction of its own beside that one, committed when it ends, so its progress
        // shows, what reacts to its changes reacts then, and a refused prospect rolls back no other
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void perform(TimedAction action) {
        // the action's id, then, for a turn after the first, how many prospects the turn before it had done
        var id = UUID.fromString(action.key().split("/")[0]);
        var row = rows.find(id).filter(r -> r.status().equals(BulkRows.RUNNING));
        if (row.isEmpty()) {
            return;
        }
        var request = json.readValue(row.get().request(), BulkRequest.class);
        var member = team.member(row.get().requestedBy());
        var skippedBy = row.get().skippedBy() == null
                ? new TreeMap<String, Integer>()
                : json.readValue(row.get().skippedBy(), new TypeReference<TreeMap<String, Integer>>() {});
        int done = row.get().processed();
        var assignee = request.action() == BulkRequest.Action.REASSIGN
                ? team.memberByEmail(request.assignTo().strip().toLowerCase(java.util.Locale.ROOT))
                        .map(Member::id)
                        .orElse(null)
                : null;
        var turnStart = clock.instant();
        for (var page = rows.next(id, done, PAGE); !page.isEmpty(); page = rows.next(id, done, PAGE)) {
            int last = page.get(page.size() - 1).n();
            var skips = new TreeMap<>(skippedBy);
            Boolean stored;
            try {
                stored = inOneTransaction(id, done, last, page, member, request, assignee, skips);
            } catch (RuntimeException refused) {
                // one prospect's change was refused: the page again, each prospect in its own transaction
                skips = new TreeMap<>(skippedBy);
                int[] counts = new int[2];
                for (var item : page) {
                    count(one(member.orElse(null), item.prospectId(), request, assignee), counts, skips);
                }
                var record = json.writeValueAsString(skips);
                int from = done;
                stored = transaction.execute(tx -> rows.progress(id, from, last, counts[0], counts[1], record));
            }
            if (!Boolean.TRUE.equals(stored)) {
                return; // another run of the same action went on meanwhile
            }
            skippedBy = skips;
            done = last;
            // the queue is looked at after every page, even when the turn is over anyway: each look starts the
            // next page's average afresh
            boolean slowQueue = queue.slowerThan(settings.queueLatency());
            if (slowQueue || settings.turnOver(turnStart, clock.instant())) {
                // giving way: the next turn starts at the scheduler's next poll, where this one stopped
                actions.schedule(new TimedAction(KIND, id + "/" + done, clock.instant(), null));
                return;
            }
        }
        rows.finish(id, clock.instant());
    }

    /**
     * The page's changes and its progress in one transaction: one commit for a page of prospects. False
     * (nothing changed) when another run of the same action stored this page meanwhile.
     */
    private Boolean inOneTransaction(
            UUID id,
            int from,
            int last,
            java.util.List<BulkRows.Item> page,
            java.util.Optional<Member> member,
            BulkRequest request,
            UUID assignee,
            TreeMap<String, Integer> skips) {
        return transaction.execute(tx -> {
            int[] counts = new int[2];
            var outcome = member.isEmpty()
                    ? java.util.Collections.nCopies(page.size(), "the member who asked left the team")
                    : changePage(member.get(), page, request, assignee);
            outcome.forEach(skip -> count(skip, counts, skips));
            if (!rows.progress(id, from, last, counts[0], counts[1], json.writeValueAsString(skips))) {
                tx.setRollbackOnly();
                return false;
            }
            return true;
        });
    }

    private static void count(String skip, int[] counts, TreeMap<String, Integer> skippedBy) {
        if (skip == null) {
            counts[0]++;
        } else {
            counts[1]++;
            skippedBy.merge(skip, 1, Integer::sum);
        }
    }

    /**
     * Does the action to a page of prospects in the caller's transaction, the page read at once: for each
     * prospect in the page's order, null when it changed them, else why it was skipped.
     */
    private java.util.List<String> changePage(
            Member member, java.util.List<BulkRows.Item> page, BulkRequest request, UUID assignee) {
        var actor = member.asActor();
        var ids = page.stream().map(BulkRows.Item::prospectId).toList();
        var found = new java.util.HashMap<UUID, org.followthrough.prospects.Prospect>();
        prospects.byIds(ids).stream().filter(p -> actor.maySee(p.ownerId())).forEach(p -> found.put(p.id(), p));
        var seen =
                ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
        var skips = outcomes.skips(seen, request, assignee);
        var changing = seen.stream().filter(p -> !skips.containsKey(p.id())).toList();
        var refused = outcomes.applyAll(actor, changing, request, request.assignTo());
        var outcome = new java.util.ArrayList<String>();
        for (var id : ids) {
            if (!found.containsKey(id)) {
                outcome.add("erased or no longer yours");
            } else if (skips.containsKey(id)) {
                outcome.add(skips.get(id));
            } else if (refused.containsKey(id)) {
                outcome.add(refusal(id, refused.get(id)));
            } else {
                outcome.add(null);
            }
        }
        return outcome;
    }

    /** Does the action to one prospect in the caller's transaction; null when it changed them, else why it was skipped. */
    private String change(Member member, UUID prospectId, BulkRequest request, UUID assignee) {
        var actor = member.asActor();
        var p = prospects.find(actor, prospectId);
        if (p.isEmpty()) {
            return "erased or no longer yours";
        }
        var skip = outcomes.skip(p.get(), request, assignee);
        if (skip.isPresent()) {
            return skip.get();
        }
        outcomes.apply(actor, p.get(), request, request.assignTo());
        return null;
    }

    /** Does the action to one prospect in its own transaction; null when it changed them, else why it was skipped. */
    private String one(Member member, UUID prospectId, BulkRequest request, UUID assignee) {
        if (member == null) {
            return "the member who asked left the team";
        }
        try {
            return transaction.execute(tx -> change(member, prospectId, request, assignee));
        } catch (RuntimeException refused) {
            return refusal(prospectId, refused);
        }
    }

    /** Why a prospect's change was refused, as the record counts it. */
    private static String refusal(UUID prospectId, RuntimeException refused) {
        if (refused instanceof InvalidInput invalid) {
            // counted by the field refused, not by its message, which may name the prospect's own value
            // (one reason per prospect would be no count at all, and would outgrow the record)
            return "refused: invalid " + invalid.problems().get(0).field();
        }
        if (refused instanceof Refusal refusal) {
            return "refused: " + refusal.title().toLowerCase(java.util.Locale.ROOT);
        }
        log.warn("Bulk action on prospect {} failed", prospectId, refused);
        return "failed";
    }
}
