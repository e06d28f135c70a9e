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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a recorded bulk action in the background: a page of its prospects at a time, each prospect in
 * its own transaction (one refused change holds up nobody else), with its progress stored after
 * every page. Performed again after a crash, it goes on after the last page stored, as the member
 * who asked, who still sees only what they may see.
 */
@Component
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

    BulkRuns(
            BulkRows rows,
            Outcomes outcomes,
            Prospects prospects,
            Team team,
            TransactionTemplate transaction,
            JsonMapper json,
            Clock clock) {
        this.rows = rows;
        this.outcomes = outcomes;
        this.prospects = prospects;
        this.team = team;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void perform(TimedAction action) {
        var id = UUID.fromString(action.key());
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
        for (var page = rows.next(id, done, PAGE); !page.isEmpty(); page = rows.next(id, done, PAGE)) {
            int changed = 0;
            int skipped = 0;
            for (var item : page) {
                var skip = member.isEmpty()
                        ? "the member who asked left the team"
                        : one(member.get(), item.prospectId(), request);
                if (skip == null) {
                    changed++;
                } else {
                    skipped++;
                    skippedBy.merge(skip, 1, Integer::sum);
                }
            }
            int last = page.get(page.size() - 1).n();
            if (!rows.progress(id, done, last, changed, skipped, json.writeValueAsString(skippedBy))) {
                return; // another run of the same action went on meanwhile
            }
            done = last;
        }
        rows.finish(id, clock.instant());
    }

    /** Does the action to one prospect; null when it changed them, else why it was skipped. */
    private String one(Member member, UUID prospectId, BulkRequest request) {
        var actor = member.asActor();
        try {
            return transaction.execute(tx -> {
                var p = prospects.find(actor, prospectId);
                if (p.isEmpty()) {
                    return "erased or no longer yours";
                }
                var assignee = request.action() == BulkRequest.Action.REASSIGN
                        ? team.memberByEmail(request.assignTo().strip().toLowerCase(java.util.Locale.ROOT))
                                .map(Member::id)
                                .orElse(null)
                        : null;
                var skip = outcomes.skip(p.get(), request, assignee);
                if (skip.isPresent()) {
                    return skip.get();
                }
                outcomes.apply(actor, p.get(), request, request.assignTo());
                return null;
            });
        } catch (InvalidInput invalid) {
            return "refused: " + invalid.problems().get(0).message();
        } catch (Refusal refused) {
            return "refused: " + refused.title().toLowerCase(java.util.Locale.ROOT);
        } catch (RuntimeException failed) {
            log.warn("Bulk action on prospect {} failed", prospectId, failed);
            return "failed";
        }
    }
}
