package org.followthrough.prospects;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.followthrough.team.MemberDeactivated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A deactivated member's prospects are handed on inside the deactivating transaction: to the member the
 * administrator named, else round the active reps. Each hand-over is announced as a change of owner, so
 * the engine moves the open calls with the prospect and none waits in a queue nobody reads.
 */
@Component
class DeactivatedMembersHandOver {

    private final JdbcTemplate jdbc;
    private final Owners owners;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeactivatedMembersHandOver(
            javax.sql.DataSource dataSource, Owners owners, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.owners = owners;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(MemberDeactivated deactivated) {
        var ids = jdbc.queryForList(
                "select id from prospects where owner_id = ? order by created_at, id",
                UUID.class,
                deactivated.memberId());
        if (ids.isEmpty()) {
            return;
        }
        var turns = deactivated.successorId() == null ? owners.rotation(deactivated.by()) : null;
        var now = Sql.ts(clock.instant());
        var updates = new ArrayList<Object[]>();
        for (var id : ids) {
            var owner = turns == null ? deactivated.successorId() : turns.get();
            updates.add(new Object[] {owner, now, id, deactivated.memberId()});
        }
        jdbc.batchUpdate("update prospects set owner_id = ?, updated_at = ? where id = ? and owner_id = ?", updates);
        if (turns != null) {
            owners.keep(turns);
        }
        ids.forEach(id -> events.publishEvent(new ProspectChanged(id, Set.of("owner"))));
    }
}
