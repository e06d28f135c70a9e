package org.followthrough.messaging;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emails that went out in their built-in default wording because the team's template could not
 * be filled in, and why ({@code email_fallbacks}), shown beside the outbox so a manager can fix the
 * template or the missing value.
 */
@Service
public class DefaultWordings {

    private final JdbcClient jdbc;
    private final Clock clock;

    DefaultWordings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Notes that the email with this dedupe key is worded in its built-in default because the team's
     * template could not be filled in, so the outbox can show why.
     */
    @Transactional
    public void record(UUID prospectId, String dedupeKey, String template, String reason) {
        jdbc.sql("insert into email_fallbacks (id, prospect_id, dedupe_key, template, reason, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        prospectId,
                        dedupeKey,
                        template,
                        reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                        Sql.ts(clock.instant()))
                .update();
    }

    /** The latest emails that went out in their default wording, newest first. */
    public List<DefaultWording> latest(int limit) {
        return jdbc.sql(
                        """
                select f.id, f.prospect_id, f.dedupe_key, f.template, f.reason, f.created_at, o.id as email_id,
                       o.status
                from email_fallbacks f left join outbox o on o.dedupe_key = f.dedupe_key
                order by f.created_at desc, f.id
                fetch first :limit rows only""")
                .param("limit", limit)
                .query((rs, n) -> new DefaultWording(
                        Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "prospect_id"),
                        rs.getString("dedupe_key"),
                        Sql.uuid(rs, "email_id"),
                        rs.getString("status") == null ? null : EmailStatus.valueOf(rs.getString("status")),
                        rs.getString("template"),
                        rs.getString("reason"),
                        Sql.instant(rs, "created_at")))
                .list();
    }
}
