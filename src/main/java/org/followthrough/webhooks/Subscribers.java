package org.followthrough.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The subscribers table. Every event asks who subscribes, so the list is kept in memory for a few
 * seconds; a change on this instance is seen at once, one on another instance within {@link #FRESH}.
 */
@Repository
class Subscribers {

    /** A subscriber with its secret, for signing. */
    record Signing(Subscriber subscriber, String secret) {}

    private record Cached(List<Signing> all, long loadedAt) {}

    static final Duration FRESH = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Cached cached;

    Subscribers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    UUID add(String url, String secret, List<String> events, UUID by) {
        var id = UUID.randomUUID();
        jdbc.sql(
                        "insert into webhook_subscribers (id, url, secret, events, created_at, created_by) values (?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        url,
                        secret,
                        events.isEmpty() ? null : String.join(",", events),
                        Sql.ts(clock.instant()),
                        by)
                .update();
        cached = null;
        return id;
    }

    boolean remove(UUID id) {
        cached = null;
        return jdbc.sql("delete from webhook_subscribers where id = ?")
                        .param(id)
                        .update()
                > 0;
    }

    Optional<Signing> find(UUID id) {
        return jdbc.sql("select * from webhook_subscribers where id = ?")
                .param(id)
                .query(Subscribers::map)
                .optional();
    }

    /** Everyone subscribed, as of at most a few seconds ago. */
    List<Signing> all() {
        var now = System.nanoTime();
        var current = cached;
        if (current == null || now - current.loadedAt() > FRESH.toNanos()) {
            current = new Cached(
                    jdbc.sql("select * from webhook_subscribers order by created_at, id")
                            .query(Subscribers::map)
                            .list(),
                    now);
            cached = current;
        }
        return current.all();
    }

    private static Signing map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var secret = rs.getString("secret");
        var events = rs.getString("events");
        return new Signing(
                new Subscriber(
                        Sql.uuid(rs, "id"),
                        rs.getString("url"),
                        "…" + secret.substring(Math.max(0, secret.length() - 4)),
                        events == null ? List.of() : Arrays.asList(events.split(",")),
                        Sql.instant(rs, "created_at")),
                secret);
    }
}
