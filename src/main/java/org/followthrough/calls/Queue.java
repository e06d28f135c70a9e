package org.followthrough.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A rep's tasks in the order to work them (R11): what is due now first — appointments, then retries,
 * inbound and trigger calls, then attempts and follow-ups by due time — then what comes later.
 * Do-not-call prospects never appear; prospects in NURTURE, WON or LOST leave the call queue except
 * for after-sale calls and trigger events.
 */
@Service
public class Queue {

    /** One task as the queue shows it, with the prospect's local due time. */
    public record Item(
            UUID taskId,
            UUID prospectId,
            String prospectName,
            String label,
            TaskKind kind,
            Instant dueAt,
            String prospectTimeZone,
            boolean due,
            String reason,
            String template,
            int score) {}

    static final Duration HORIZON = Duration.ofDays(14);

    private final JdbcClient jdbc;
    private final Touches touches;
    private final Clock clock;

    Queue(JdbcClient jdbc, Touches touches, Clock clock) {
        this.jdbc = jdbc;
        this.touches = touches;
        this.clock = clock;
    }

    public List<Item> of(UUID ownerId, int limit) {
        var now = clock.instant();
        var labels = new HashMap<UUID, String>();
        return jdbc.sql(
                        """
                select t.*, p.full_name, p.time_zone from tasks t join prospects p on p.id = t.prospect_id
                where t.owner_id = ? and t.status = 'OPEN' and p.do_not_call = false and t.due_at <= ?
                  and (p.stage in ('NEW', 'ATTEMPTING', 'ENGAGED')
                       or t.kind in ('POST_SALE', 'TRIGGER', 'INBOUND', 'APPOINTMENT'))
                order by case when t.due_at <= ? then 0 else 1 end,
                         case when t.due_at > ? then 0 when t.kind = 'APPOINTMENT' then 0
                              when t.kind in ('RETRY', 'INBOUND', 'TRIGGER') then 1 else 2 end,
                         t.due_at, t.created_at
                fetch first ? rows only""")
                .params(ownerId, Sql.ts(now.plus(HORIZON)), Sql.ts(now), Sql.ts(now), limit)
                .query((rs, i) -> {
                    var task = Tasks.map(rs, i);
                    var label = task.kind() == TaskKind.APPOINTMENT
                            ? "Appointment"
                            : labels.computeIfAbsent(task.prospectId(), this::nextLabel);
                    return new Item(
                            task.id(),
                            task.prospectId(),
                            rs.getString("full_name"),
                            label,
                            task.kind(),
                            task.dueAt(),
                            ZoneId.of(rs.getString("time_zone")).getId(),
                            !task.dueAt().isAfter(now),
                            task.reason(),
                            task.template(),
                            0);
                })
                .list();
    }

    /** The label the next call to this prospect will carry (R5). */
    String nextLabel(UUID prospectId) {
        var counts = touches.counts(prospectId);
        return counts.connected()
                ? "Follow-up #" + (counts.afterConnection() + 1)
                : "FTC #" + (counts.beforeConnection() + 1);
    }
}
