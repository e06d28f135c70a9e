package org.followthrough.calls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.UUID;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.ProspectChanged;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.ProspectsImported;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the queue keeps on each open task of its prospect, so that Today is counted and paged in the
 * database instead of reading every open task: the prospect's place (a key; the place itself is read
 * from one of its prospects when needed) and whether their calls are queued. A change to a prospect
 * forgets what was kept for their open tasks at once, in the same transaction; an import forgets it
 * for every open task, since it changes prospects in bulk; the next read of a rep's queue fills in what
 * is missing from the prospects themselves.
 */
@Component
class QueueFacts {

    /** Whether a prospect's calls are queued: all of them, only those that still concern a closed prospect, none. */
    enum State {
        OPEN,
        CLOSED,
        OUT
    }

    /** The condition on a task {@code t} that its prospect's calls are queued (as {@code Queue.queued} says). */
    static final String QUEUED = "(t.queue_state = '" + State.OPEN + "' or (t.queue_state = '" + State.CLOSED
            + "' and t.kind in ('POST_SALE', 'TRIGGER', 'INBOUND', 'APPOINTMENT')))";

    /** The condition that a task is open, spelled by its lifecycle. */
    private static final String OPEN_TASK = "status = '" + Task.Status.OPEN + "'";

    /** Forgets what was kept on the open tasks that meet the condition that follows. */
    private static final String FORGET =
            "update tasks set queue_place = null, queue_state = null where " + OPEN_TASK + " and ";

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Prospects prospects;
    private final org.followthrough.common.ManyValues many;

    QueueFacts(JdbcClient jdbc, JdbcTemplate template, Prospects prospects, org.followthrough.common.ManyValues many) {
        this.many = many;
        this.jdbc = jdbc;
        this.template = template;
        this.prospects = prospects;
    }

    @EventListener
    void on(ProspectChanged changed) {
        jdbc.sql(FORGET + "prospect_id = ?").param(changed.prospectId()).update();
    }

    /** Many at once (a bulk action's page), in one statement. */
    @EventListener
    void on(org.followthrough.prospects.ProspectsChanged changed) {
        many.update(
                FORGET + "prospect_id = any(?)",
                "uuid",
                changed.changes().stream().map(ProspectChanged::prospectId).toList());
    }

    @EventListener
    void on(ProspectsImported imported) {
        jdbc.sql(FORGET + "queue_place is not null").update();
    }

    /** Fills in what is missing for the owner's open tasks: nothing to do once filled. */
    void fill(UUID ownerId) {
        var missing = jdbc.sql("select distinct prospect_id from tasks where owner_id = ? and " + OPEN_TASK
                        + " and queue_place is null")
                .param(ownerId)
                .query((rs, n) -> org.followthrough.common.Sql.uuid(rs, "prospect_id"))
                .list();
        for (int from = 0; from < missing.size(); from += CHUNK) {
            var ids = missing.subList(from, Math.min(missing.size(), from + CHUNK));
            var found = new HashMap<UUID, Prospect>();
            prospects.byIds(ids).forEach(p -> found.put(p.id(), p));
            var updates = new ArrayList<Object[]>(ids.size());
            for (var id : ids) {
                var p = found.get(id);
                updates.add(
                        p == null
                                ? new Object[] {"-", State.OUT.name(), id}
                                : new Object[] {p.place().key(), state(p).name(), id});
            }
            template.batchUpdate(
                    "update tasks set queue_place = ?, queue_state = ? where prospect_id = ? and " + OPEN_TASK
                            + " and queue_place is null",
                    updates);
        }
    }

    static State state(Prospect p) {
        if (p.doNotCall()) {
            return State.OUT;
        }
        return p.stage().isOpen() ? State.OPEN : State.CLOSED;
    }
}
