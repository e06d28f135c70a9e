package org.followthrough.webhooks;

import java.util.Locale;
import org.followthrough.common.Sql;
import org.followthrough.prospects.ProspectErased;
import org.followthrough.prospects.Prospects;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a person is erased, every delivery that names them (by id or email), sent or waiting, goes too,
 * inside the erasing transaction: nothing about them is posted after the erasure or kept in the log.
 */
@Component
class ErasedPeopleLeaveNoDeliveries {

    private final Prospects prospects;
    private final JdbcClient jdbc;

    ErasedPeopleLeaveNoDeliveries(Prospects prospects, JdbcClient jdbc) {
        this.prospects = prospects;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ProspectErased erased) {
        var email = prospects
                .byId(erased.prospectId())
                .map(p -> p.email() == null ? null : p.email().toLowerCase(Locale.ROOT))
                .orElse(null);
        var byId = Sql.likeContains(erased.prospectId().toString());
        jdbc.sql("delete from webhook_deliveries where payload like ? escape '\\' or lower(payload) like ? escape '\\'")
                .params(byId, email == null ? byId : Sql.likeContains(email))
                .update();
    }
}
