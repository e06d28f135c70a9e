package org.followthrough.scripts;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
        jdbc.sql("update articles set title = ?, link = ?, topics = ?, industries = ?, updated_at = ? where id = ?")
                .params(
                        clean.title(),
                        clean.link(),
                        joined(clean.topics()),
                        joined(clean.industries()),
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
                now);
    }

    @Transactional
    public void remove(UUID id, Actor by) {
        editable(id, by);
        jdbc.sql("delete from articles where id = ?").param(id).update();
    }

    /**
     * An article this prospect has not been sent: one for their industry first (the more topics
     * in common, the better), then one on a topic they care about, then any unsent one; among
     * equals, the newest.
     */
    public Optional<Article> pick(String industry, Collection<String> topics, Collection<UUID> alreadySent) {
        var sent = alreadySent == null ? Set.<UUID>of() : new HashSet<>(alreadySent);
        var wanted = topics == null
                ? Set.<String>of()
                : topics.stream()
                        .filter(t -> t != null && !t.isBlank())
                        .map(t -> t.strip().toLowerCase(Locale.ROOT))
                        .collect(java.util.stream.Collectors.toSet());
        var trade = industry == null ? "" : industry.strip().toLowerCase(Locale.ROOT);
        Comparator<Article> best = Comparator.<Article>comparingInt(
                        a -> a.industries().contains(trade) ? 0 : 1)
                .thenComparing(a -> -overlap(a.topics(), wanted))
                .thenComparing(Article::addedAt, Comparator.reverseOrder())
                .thenComparing(Article::id);
        return all().stream().filter(a -> !sent.contains(a.id())).min(best);
    }

    /** Adds an article in the name of nobody in particular: the demo library. */
    Article addDemo(ArticleDraft draft, Instant at) {
        return insert(draft.checked(), null, at);
    }

    private Article insert(ArticleDraft clean, UUID by, Instant now) {
        var id = UUID.randomUUID();
        jdbc.sql(
                        """
                insert into articles (id, title, link, topics, industries, added_by, added_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        clean.title(),
                        clean.link(),
                        joined(clean.topics()),
                        joined(clean.industries()),
                        by,
                        Sql.ts(now),
                        Sql.ts(now))
                .update();
        return new Article(id, clean.title(), clean.link(), clean.topics(), clean.industries(), by, now, now);
    }

    private Article editable(UUID id, Actor by) {
        var article = find(id).orElseThrow(() -> Refusal.notFound("article", id));
        if (!by.seesWholeTeam() && !by.id().equals(article.addedBy())) {
            throw Refusal.forbidden("Only whoever added this article, a manager or an administrator may change it.");
        }
        return article;
    }

    private static long overlap(List<String> labels, Set<String> wanted) {
        return labels.stream().filter(wanted::contains).count();
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
                Sql.instant(rs, "updated_at"));
    }
}
