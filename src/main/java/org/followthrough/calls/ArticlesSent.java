package org.followthrough.calls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.followthrough.prospects.Prospect;
import org.followthrough.scripts.Article;
import org.followthrough.scripts.Articles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which library articles each prospect was sent (R10, R14), so the next pick is one they have not
 * seen: for their industry first, then on a topic from their last conversation.
 */
@Repository
class ArticlesSent {

    private final JdbcClient jdbc;
    private final Articles articles;

    ArticlesSent(JdbcClient jdbc, Articles articles) {
        this.jdbc = jdbc;
        this.articles = articles;
    }

    /** The article to offer this prospect next, without recording anything (a script is only read). */
    Optional<Article> next(Prospect p, List<String> topics) {
        return articles.pick(p.industry(), topics, sentTo(p.id()));
    }

    /** Picks the next article for an email and records it as sent with that email's key. */
    Optional<Article> pickFor(Prospect p, List<String> topics, String dedupeKey, Instant now) {
        var already = jdbc.sql("select article_id from articles_sent where dedupe_key = ?")
                .param(dedupeKey)
                .query(UUID.class)
                .optional();
        if (already.isPresent()) {
            return articles.find(already.get());
        }
        var article = next(p, topics);
        article.ifPresent(a -> jdbc.sql("insert into articles_sent (prospect_id, article_id, dedupe_key, sent_at)"
                        + " values (?, ?, ?, ?) on conflict do nothing")
                .params(p.id(), a.id(), dedupeKey, Sql.ts(now))
                .update());
        return article;
    }

    /** The email that carried an article was cancelled: the article may be sent another time. */
    void forget(String dedupeKey) {
        jdbc.sql("delete from articles_sent where dedupe_key = ?")
                .param(dedupeKey)
                .update();
    }

    List<UUID> sentTo(UUID prospectId) {
        return jdbc.sql("select article_id from articles_sent where prospect_id = ?")
                .param(prospectId)
                .query(UUID.class)
                .list();
    }
}
