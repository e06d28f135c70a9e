package org.followthrough.scripts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.followthrough.common.Sql;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The templates table. */
@Repository
class TemplateRows {

    private final JdbcClient jdbc;

    TemplateRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredTemplate> all() {
        return jdbc.sql("select * from templates order by template_key, variant")
                .query(TemplateRows::row)
                .list();
    }

    Optional<StoredTemplate> find(TemplateKey key) {
        return jdbc.sql("select * from templates where template_key = ? and variant = ?")
                .params(key.key(), key.variant())
                .query(TemplateRows::row)
                .optional();
    }

    /** Adds a shipped default unless the team already has that key and variant. */
    boolean addDefault(TemplateDefaults.Definition d, Instant now) {
        return jdbc.sql(
                                """
                insert into templates (template_key, variant, channel, subject, body, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, null)
                on conflict do nothing""")
                        .params(d.key(), d.variant(), d.channel().name(), d.subject(), d.body(), Sql.ts(now))
                        .update()
                > 0;
    }

    /**
     * Brings a shipped default nobody has edited up to the wording this version ships; returns
     * whether it changed. A template a member saved is never touched.
     */
    boolean refreshUnedited(TemplateDefaults.Definition d, Instant now) {
        return jdbc.sql(
                                """
                update templates set channel = ?, subject = ?, body = ?, updated_at = ?
                where template_key = ? and variant = ? and updated_by is null
                  and (body <> ? or coalesce(subject, '') <> coalesce(?, '') or channel <> ?)""")
                        .params(
                                d.channel().name(),
                                d.subject(),
                                d.body(),
                                Sql.ts(now),
                                d.key(),
                                d.variant(),
                                d.body(),
                                d.subject(),
                                d.channel().name())
                        .update()
                > 0;
    }

    void write(StoredTemplate t) {
        if (update(t) > 0) {
            return;
        }
        try {
            jdbc.sql(
                            """
                    insert into templates (template_key, variant, channel, subject, body, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            t.key(),
                            t.variant(),
                            t.channel().name(),
                            t.subject(),
                            t.body(),
                            Sql.ts(t.updatedAt()),
                            t.updatedBy())
                    .update();
        } catch (DuplicateKeyException savedAtTheSameTime) {
            update(t);
        }
    }

    private int update(StoredTemplate t) {
        return jdbc.sql(
                        """
                update templates set channel = ?, subject = ?, body = ?, updated_at = ?, updated_by = ?
                where template_key = ? and variant = ?""")
                .params(
                        t.channel().name(),
                        t.subject(),
                        t.body(),
                        Sql.ts(t.updatedAt()),
                        t.updatedBy(),
                        t.key(),
                        t.variant())
                .update();
    }

    private static StoredTemplate row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredTemplate(
                rs.getString("template_key"),
                rs.getInt("variant"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("subject"),
                rs.getString("body"),
                Sql.instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }
}
