package org.followthrough.signals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes in outside signals, once each, and tells the modules that act on them. */
@Service
public class Signals {

    /** What became of a delivered signal: stored now, or already known from an earlier delivery. */
    public record Receipt(UUID signalId, boolean duplicate) {}

    /** A stored signal about a prospect, as the intent score reads it. */
    public record Seen(UUID signalId, UUID prospectId, SignalType type, Instant occurredAt, String url) {}

    private final JdbcClient jdbc;
    private final SignalMatching matching;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Signals(JdbcClient jdbc, SignalMatching matching, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.matching = matching;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Receipt receive(Signal signal) {
        var id = UUID.randomUUID();
        var match = matching.match(signal);
        int stored = jdbc.sql(
                        """
                insert into signals (id, external_id, type, occurred_at, received_at, email, domain, url, name, phone,
                    company, message, prospect_id, account_id)
                values (:id, :externalId, :type, :occurredAt, :receivedAt, :email, :domain, :url, :name, :phone,
                    :company, :message, :prospectId, :accountId)
                on conflict do nothing""")
                .param("id", id)
                .param("externalId", signal.id())
                .param("type", signal.type().name())
                .param("occurredAt", Sql.ts(signal.occurredAt()))
                .param("receivedAt", Sql.ts(clock.instant()))
                .param("email", signal.email() == null ? null : signal.email().toLowerCase(Locale.ROOT))
                .param("domain", signal.domain())
                .param("url", signal.url())
                .param("name", signal.name())
                .param("phone", signal.phone())
                .param("company", signal.company())
                .param("message", signal.message())
                .param("prospectId", match.prospectId())
                .param("accountId", match.accountId())
                .update();
        if (stored == 0) {
            var known = jdbc.sql("select id from signals where external_id = ?")
                    .param(signal.id())
                    .query(UUID.class)
                    .single();
            return new Receipt(known, true);
        }
        events.publishEvent(new SignalReceived(id, signal, clock.instant(), match));
        return new Receipt(id, false);
    }

    /** Ties a signal to the prospect it created (a first inquiry), so it counts for their score. */
    @Transactional
    public void attach(UUID signalId, UUID prospectId) {
        jdbc.sql("update signals set prospect_id = ? where id = ? and prospect_id is null")
                .params(prospectId, signalId)
                .update();
    }

    /** The signals about these prospects that happened since {@code since}, newest first. */
    public List<Seen> about(Collection<UUID> prospectIds, Instant since) {
        if (prospectIds.isEmpty()) {
            return List.of();
        }
        var marks = String.join(",", Collections.nCopies(prospectIds.size(), "?"));
        var params = new ArrayList<Object>(prospectIds);
        params.add(Sql.ts(since));
        return jdbc.sql("select id, prospect_id, type, occurred_at, url from signals where prospect_id in (" + marks
                        + ") and occurred_at >= ? order by occurred_at desc")
                .params(params)
                .query((rs, i) -> new Seen(
                        Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "prospect_id"),
                        SignalType.valueOf(rs.getString("type")),
                        Sql.instant(rs, "occurred_at"),
                        rs.getString("url")))
                .list();
    }

    /** The prospects with a signal since {@code since}, latest first, at most {@code limit}. */
    public List<UUID> prospectsSince(Instant since, int limit) {
        return jdbc.sql("select prospect_id from signals where prospect_id is not null and occurred_at >= ?"
                        + " group by prospect_id order by max(occurred_at) desc fetch first " + limit + " rows only")
                .param(Sql.ts(since))
                .query(UUID.class)
                .list();
    }
}
