package org.followthrough.signals;

import java.time.Clock;
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

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Signals(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Receipt receive(Signal signal) {
        var id = UUID.randomUUID();
        int stored = jdbc.sql(
                        """
                insert into signals (id, external_id, type, occurred_at, received_at, email, domain, url, name, phone,
                    company, message)
                values (:id, :externalId, :type, :occurredAt, :receivedAt, :email, :domain, :url, :name, :phone,
                    :company, :message)
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
                .update();
        if (stored == 0) {
            var known = jdbc.sql("select id from signals where external_id = ?")
                    .param(signal.id())
                    .query(UUID.class)
                    .single();
            return new Receipt(known, true);
        }
        events.publishEvent(new SignalReceived(id, signal, clock.instant()));
        return new Receipt(id, false);
    }
}
