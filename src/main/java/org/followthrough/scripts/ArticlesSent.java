package org.followthrough.scripts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.followthrough.messaging.EmailsWithdrawn;
import org.followthrough.prospects.Prospect;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which library articles each prospect was sent (R10, R14), so the next pick is one they have not
 * seen ({@link Articles#pick}); an article whose email was withdrawn before it went out counts as
 * not sent.
 */
@Repository
public class ArticlesSent {

    private final JdbcClient jdbc;
    private final Articles articles;

    ArticlesSent(JdbcClient jdbc, Articles articles) {
        this.jdbc = jdbc;
        this.articles = articles;
    }

    /** The article to offer this prospect next, without recording anything (a script is only read). */
    public Optional<Article> next(Prospect p, List<String> topics) {
        return articles.pick(p.industry(), topics, sentTo(p.id()));
    }

    /**
     * Picks the next article for an email and records it as sent with that email's key. Two emails
     * planned at once never get the same article: the record is unique per prospect and article, so
     * when another email took the pick first, the next best one is tried.
     */
    public Optional<Article> pickFor(Prospect p, List<String> topics, String dedupeKey, Instant now) {
        var already = jdbc.sql("select article_id from articles_sent where dedupe_key = ?")
                .param(dedupeKey)
                .query(UUID.class)
                .optional();
        if (already.isPresent()) {
            return articles.find(already.get());
        }
        return claimFirst(p, articles.ranked(p.industry(), topics, sentTo(p.id())), dedupeKey, now);
    }

    /** Records the first of the candidates nobody recorded for this prospect meanwhile; that one is the pick. */
    public Optional<Article> claimFirst(Prospect p, List<Article> candidates, String dedupeKey, Instant now) {
        for (var candidate : candidates) {
            if (record(p, candidate, dedupeKey, now)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private boolean record(Prospect p, Article article, String dedupeKey, Instant now) {
        return jdbc.sql("insert into articles_sent (prospect_id, article_id, dedupe_key, sent_at)"
                                + " values (?, ?, ?, ?) on conflict do nothing")
                        .params(p.id(), article.id(), dedupeKey, Sql.ts(now))
                        .update()
                > 0;
    }

    /** Emails withdrawn before they went out did not carry their article to the prospect after all. */
    @EventListener
    void on(EmailsWithdrawn withdrawn) {
        var keys = withdrawn.dedupeKeys();
        for (int from = 0; from < keys.size(); from += 500) {
            jdbc.sql("delete from articles_sent where dedupe_key in (:keys)")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + 500)))
                    .update();
        }
    }

    /** The articles the prospect was sent, or is about to be with an email waiting. */
    public List<UUID> sentTo(UUID prospectId) {
        return jdbc.sql("select article_id from articles_sent where prospect_id = ?")
                .param(prospectId)
                .query(UUID.class)
                .list();
    }
}
