package org.followthrough.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.followthrough.team.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The emails a rep must approve, as tasks in their queue: every draft of a "review before sending"
 * step written in the rep's name is one ("Approve email to Dana Cruz"), due when the email would
 * have gone out. The draft itself is the task, so it is done however it is approved — sent now (as
 * written or edited) or skipped, from the queue or from the outbox — and gone when its cadence ends
 * or pauses and withdraws it.
 */
@Service
public class EmailApprovals {

    /** One email to approve as the queue shows it. */
    public record Approval(
            UUID emailId,
            UUID prospectId,
            String prospectName,
            String label,
            String subject,
            Instant dueAt,
            boolean due) {}

    static final int LIMIT = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    EmailApprovals(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The member's own drafts waiting for approval, the earliest due first (a manager's queue holds their own too). */
    public List<Approval> of(Actor actor) {
        var now = clock.instant();
        return jdbc.sql(
                        """
                select id, prospect_id, to_name, subject, due_at from outbox
                 where status = ? and lower(rep_address) = ?
                 order by due_at, id limit ?""")
                .params(EmailStatus.REVIEW.name(), actor.email().toLowerCase(Locale.ROOT), LIMIT)
                .query((rs, i) -> {
                    var due = Sql.instant(rs, "due_at");
                    var name = rs.getString("to_name");
                    return new Approval(
                            Sql.uuid(rs, "id"),
                            Sql.uuid(rs, "prospect_id"),
                            name,
                            "Approve email to " + name,
                            rs.getString("subject"),
                            due,
                            !due.isAfter(now));
                })
                .list();
    }
}
