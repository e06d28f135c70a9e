package org.followthrough.signals;

import java.util.Locale;
import org.followthrough.prospects.ProspectErased;
import org.followthrough.prospects.Prospects;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a person is erased, the signals about them keep nothing that names them: their email, name,
 * phone, company, message, page, the body as it was sent and how it was matched are blanked inside the erasing transaction. The row itself stays,
 * so a webhook delivered again with the same id is still recognised and changes nothing.
 */
@Component
class ErasedPeopleForgotten {

    private final Prospects prospects;
    private final JdbcClient jdbc;

    ErasedPeopleForgotten(Prospects prospects, JdbcClient jdbc) {
        this.prospects = prospects;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ProspectErased erased) {
        var email = prospects
                .byId(erased.prospectId())
                .map(p -> p.email() == null ? null : p.email().toLowerCase(Locale.ROOT))
                .orElse(null);
        jdbc.sql(
                        """
                update signals set email = null, name = null, phone = null, company = null, message = null, url = null,
                    raw_body = null, matched_by = null, prospect_id = null, country = null, region = null,
                    time_zone = null, outcome_detail = null
                where prospect_id = ? or (email is not null and email = ?)""")
                .params(erased.prospectId(), email)
                .update();
    }
}
