package org.followthrough.prospects;

import java.util.ArrayList;
import java.util.List;
import org.followthrough.common.Sql;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a person is erased, inside the erasing transaction: the rejected import rows about them go, and
 * so do the stored event publications not yet handled that carry their id, email or phone (a signal
 * with their message, a raised call with their name). Handled publications are deleted as they complete
 * ({@code spring.modulith.events.completion-mode=delete}), so none is kept; the listeners of the ones
 * dropped here would have found the person gone anyway.
 */
@Component
class ErasedPeopleLeaveNoTraces {

    private final Prospects prospects;
    private final ImportJobs imports;
    private final JdbcClient jdbc;

    ErasedPeopleLeaveNoTraces(Prospects prospects, ImportJobs imports, JdbcClient jdbc) {
        this.prospects = prospects;
        this.imports = imports;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ProspectErased erased) {
        var person = prospects.byId(erased.prospectId()).orElse(null);
        var email = person == null ? null : person.email();
        var phone = person == null ? null : person.phoneE164();
        var national = PhoneNumbers.nationalDigits(phone);
        imports.forgetRowsAbout(email, phone, national);
        forgetPublications(erased.prospectId().toString(), email, phone, national);
    }

    private void forgetPublications(String id, String email, String phone, String national) {
        var where = new ArrayList<String>(List.of("serialized_event like ? escape '\\'"));
        var params = new ArrayList<Object>(List.of(Sql.likeContains(id)));
        // a signal carries the email as the sender typed it, in any case
        if (email != null) {
            where.add("lower(serialized_event) like ? escape '\\'");
            params.add(Sql.likeContains(email));
        }
        for (var digits : new String[] {phone, national}) {
            if (digits != null) {
                where.add("serialized_event like ? escape '\\'");
                params.add(Sql.likeContains(digits));
            }
        }
        jdbc.sql("delete from event_publication where completion_date is null and (" + String.join(" or ", where) + ")")
                .params(params)
                .update();
    }
}
