package org.followthrough.scripts;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Refusal;
import org.followthrough.common.Sql;
import org.followthrough.team.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team's article library (R10, R14). Anyone on the team adds articles; whoever added one, and
 * managers and admins, may change or remove it. {@link #pick} chooses what to send next.
 */
@Service
public class Articles {

    private final JdbcClient jdbc;
    private final Clock clock;

    Articles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Newest first. */
    public List<Article> all() {
        return jdbc.sql("select * from articles order by added_at desc, id")
                .query(Articles::row)
                .list();
    }

    public Optional<Article> find(UUID id) {
        return jdbc.sql("select * from articles where id = ?")
                .param(id)
                .query(Articles::row)
                .optional();
    }

    @Transactional
    public Article add(ArticleDraft draft, Actor by) {
        return insert(
                draft.checked(), by == null ? null : by.id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    @Transactional
    public Article change(UUID id, ArticleDraft draft, Actor by) {
        var existing = editable(id, by);
        var clean = draft.checked();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var generic = clean.generic() == null ? existing.generic() : clean.generic();
        jdbc.sql("update articles set title = ?, link = ?, topics = ?, industries = ?, generic = ?, updated_at = ?"
                        + " where id = ?")
                .params(
                        clean.title(),
                        clean.link(),
                        joined(clean.topics()),
                        joined(clean.industries()),
                        generic,
                        Sql.ts(now),
                        id)
                .update();
        return new Article(
                id,
                clean.title(),
                clean.link(),
                clean.topics(),
                clean.industries(),
                existing.addedBy(),
                existing.addedAt(),
                now,
                generic);
    }

    @Transactional
    public void remove(UUID id, Actor by) {
        editable(id, by);
        jdbc.sql("delete from articles where id = ?").param(id).update();
    }

    /**
     * An article for this prospect that they have not been sent, if one fits ({@link ArticleChoice}):
     * on what they talked about ({@code topics}: their pains and gains), for their industry, or
     * generic; none rather than an unrelated one.
     */
    public Optional<Article> pick(String industry, Collection<String> topics, Collection<UUID> alreadySent) {
        return ArticleChoice.best(all(), industry, topics, alreadySent);
    }

    /** Every article that would fit, best first, for a caller that may find the first one taken. */
    public List<Article> ranked(String industry, Collection<String> topics, Collection<UUID> alreadySent) {
        return ArticleChoice.ranked(all(), industry, topics, alreadySent);
    }

    /** Adds an article in the name of nobody in particular: the demo library. */
    Article addDemo(ArticleDraft draft, Instant at) {
        return insert(draft.checked(), null, at);
    }

    private Article insert(ArticleDraft clean, UUID by, Instant now) {
        var id = UUID.randomUUID();
        var generic = Boolean.TRUE.equals(clean.generic());
        jdbc.sql(
                        """
                insert into articles (id, title, link, topics, industries, generic, added_by, added_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        clean.title(),
                        clean.link(),
                        joined(clean.topics()),
                        joined(clean.industries()),
                        generic,
                        by,
                        Sql.ts(now),
                        Sql.ts(now))
                .update();
        return new Article(id, clean.title(), clean.link(), clean.topics(), clean.industries(), by, now, now, generic);
    }

    private Article editable(UUID id, Actor by) {
        var article = find(id).orElseThrow(() -> Refusal.notFound("article", id));
        if (!by.seesWholeTeam() && !by.id().equals(article.addedBy())) {
            throw Refusal.forbidden("Only whoever added this article, a manager or an administrator may change it.");
        }
        return article;
    }

    private static String joined(List<String> labels) {
        return String.join("\n", labels);
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static Article row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Article(
                Sql.uuid(rs, "id"),
                rs.getString("title"),
                rs.getString("link"),
                split(rs.getString("topics")),
                split(rs.getString("industries")),
                Sql.uuid(rs, "added_by"),
                Sql.instant(rs, "added_at"),
                Sql.instant(rs, "updated_at"),
                rs.getBoolean("generic"));
    }
}
