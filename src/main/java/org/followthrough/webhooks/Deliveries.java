package org.followthrough.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deliveries and attempts tables: written with the event, claimed, sent, retried, replayed. */
@Repository
class Deliveries {

    private static final String PENDING = DeliveryStatus.PENDING.name();
    private static final String SENDING = DeliveryStatus.SENDING.name();

    /** What a round needs of a due delivery. */
    record Due(UUID id, UUID claim, UUID subscriberId, UUID eventId, String event, String payload, int attempts) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Deliveries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Plans a delivery to a subscriber, unless they are gone: subscribers are read from a few seconds'
     * cache, and one removed meanwhile (on another instance, say) must not fail the business change
     * that published the event.
     */
    void add(UUID subscriberId, UUID eventId, String event, String payload) {
        var now = Sql.ts(clock.instant());
        jdbc.sql(
                        """
                insert into webhook_deliveries (id, subscriber_id, event_id, event, payload, status, next_attempt_at,
                    created_at)
                select cast(? as uuid), s.id, cast(? as uuid), cast(? as varchar(40)), cast(? as text),
                    cast(? as varchar(10)), cast(? as timestamp with time zone), cast(? as timestamp with time zone)
                from webhook_subscribers s where s.id = ?""")
                .params(UUID.randomUUID(), eventId, event, payload, PENDING, now, now, subscriberId)
                .update();
    }

    /** Puts back what a round that died had claimed before {@code before}, for another round to take. */
    int releaseAbandoned(Instant before) {
        return jdbc.sql(
                        "update webhook_deliveries set status = ?, claimed_by = null where status = ? and claimed_at < ?")
                .params(PENDING, SENDING, Sql.ts(before))
                .update();
    }

    /** Puts claimed deliveries back untried, for the next round. */
    void release(UUID claim, List<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql(
                            "update webhook_deliveries set status = :pending, claimed_by = null where id in (:ids) and claimed_by = :claim")
                    .param("pending", PENDING)
                    .param("ids", ids)
                    .param("claim", claim)
                    .update();
        }
    }

    /** Claims up to {@code limit} due deliveries for this round: only those no other round took meanwhile. */
    List<Due> claimDue(int limit) {
        var now = Sql.ts(clock.instant());
        var candidates = jdbc.sql(
                        """
                select id from webhook_deliveries where status = ? and next_attempt_at <= ?
                order by next_attempt_at, id limit ?""")
                .params(PENDING, now, limit)
                .query(UUID.class)
                .list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        var claim = UUID.randomUUID();
        jdbc.sql(
                        """
                update webhook_deliveries set status = :sending, claimed_by = :claim, claimed_at = :now
                where id in (:ids) and status = :pending""")
                .param("sending", SENDING)
                .param("pending", PENDING)
                .param("claim", claim)
                .param("now", now)
                .param("ids", candidates)
                .update();
        return jdbc.sql(
                        """
                select id, subscriber_id, event_id, event, payload, attempts from webhook_deliveries
                where claimed_by = ? and status = ? order by next_attempt_at, id""")
                .params(claim, SENDING)
                .query((rs, i) -> new Due(
                        Sql.uuid(rs, "id"),
                        claim,
                        Sql.uuid(rs, "subscriber_id"),
                        Sql.uuid(rs, "event_id"),
                        rs.getString("event"),
                        rs.getString("payload"),
                        rs.getInt("attempts")))
                .list();
    }

    /** Logs an attempt, unless the delivery went meanwhile (its subscriber unsubscribed). */
    void attempted(UUID id, Instant at, Integer statusCode, String error, long durationMs) {
        jdbc.sql(
                        """
                insert into webhook_attempts (id, delivery_id, at, status_code, error, duration_ms)
                select ?, ?, ?, ?, ?, ? from webhook_deliveries where id = ?""")
                .params(UUID.randomUUID(), id, Sql.ts(at), statusCode, abbreviate(error), durationMs, id)
                .update();
    }

    void delivered(Due due, Instant at) {
        jdbc.sql(
                        """
                update webhook_deliveries set status = ?, attempts = attempts + 1, delivered_at = ?,
                    claimed_by = null
                where id = ? and claimed_by = ?""")
                .params(DeliveryStatus.DELIVERED.name(), Sql.ts(at), due.id(), due.claim())
                .update();
    }

    /** After a failed attempt: again at {@code next}, or FAILED when {@code next} is null. */
    void failed(Due due, Instant next) {
        jdbc.sql(
                        """
                update webhook_deliveries set status = ?, attempts = attempts + 1, next_attempt_at = ?, claimed_by = null
                where id = ? and claimed_by = ?""")
                .params(
                        (next == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING).name(),
                        Sql.ts(next == null ? clock.instant() : next),
                        due.id(),
                        due.claim())
                .update();
    }

    /** Sends it again at once, with a fresh set of attempts; whether it exists and was not on its way. */
    boolean replay(UUID id) {
        return jdbc.sql(
                                "update webhook_deliveries set status = ?, attempts = 0, next_attempt_at = ? where id = ? and status <> ?")
                        .params(PENDING, Sql.ts(clock.instant()), id, SENDING)
                        .update()
                > 0;
    }

    Optional<Delivery> find(UUID id) {
        return jdbc.sql("select * from webhook_deliveries where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    List<Delivery> list(UUID subscriberId, String status, int limit) {
        return jdbc.sql(
                        """
                select * from webhook_deliveries
                where (cast(:subscriber as uuid) is null or subscriber_id = :subscriber)
                  and (cast(:status as varchar(10)) is null or status = :status)
                order by created_at desc, id limit :limit""")
                .param("subscriber", subscriberId)
                .param("status", status)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    private Delivery map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var id = Sql.uuid(rs, "id");
        return new Delivery(
                id,
                Sql.uuid(rs, "subscriber_id"),
                Sql.uuid(rs, "event_id"),
                rs.getString("event"),
                rs.getString("status"),
                rs.getInt("attempts"),
                Sql.instant(rs, "next_attempt_at"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "delivered_at"),
                attempts(id));
    }

    private List<Delivery.Attempt> attempts(UUID deliveryId) {
        return jdbc.sql("select * from webhook_attempts where delivery_id = ? order by at desc, id")
                .param(deliveryId)
                .query((rs, i) -> new Delivery.Attempt(
                        Sql.instant(rs, "at"),
                        (Integer) rs.getObject("status_code"),
                        rs.getString("error"),
                        rs.getLong("duration_ms")))
                .list();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
