package org.followthrough.calls;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.followthrough.cadence.Cadence;
import org.followthrough.prospects.ProspectChanged;
import org.followthrough.prospects.ProspectCreated;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.ProspectsImported;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every new prospect starts the first-time-call cadence (R7, R8, R23), whether added by hand, by API,
 * by a signal or by an import; a new owner takes over the open tasks.
 */
@Component
class NewProspectsEnrol {

    private final Enrolments enrolments;
    private final Prospects prospects;
    private final Tasks tasks;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    NewProspectsEnrol(
            Enrolments enrolments,
            Prospects prospects,
            Tasks tasks,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Clock clock) {
        this.enrolments = enrolments;
        this.prospects = prospects;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ProspectCreated created) {
        // a prospect a web inquiry created is enrolled by the inquiry itself, with its first call raised
        if (!created.source().equals("SIGNAL")
                && enrolments.active(created.prospectId()).isEmpty()) {
            enrolments.start(created.prospectId(), Cadence.FIRST_TIME_CALLS, clock.instant());
        }
    }

    /** An import's new prospects, a thousand per transaction, so a large file does not hold one huge one. */
    @ApplicationModuleListener
    void on(ProspectsImported imported) {
        List<UUID> batch;
        do {
            batch = jdbc.sql(
                            """
                    select p.id from prospects p where p.import_id = ?
                      and not exists (select 1 from enrolments e where e.prospect_id = p.id) fetch first 1000 rows only""")
                    .param(imported.importId())
                    .query(UUID.class)
                    .list();
            var ids = batch;
            transaction.executeWithoutResult(
                    tx -> ids.forEach(id -> enrolments.start(id, Cadence.FIRST_TIME_CALLS, clock.instant())));
        } while (batch.size() == 1000);
    }

    @ApplicationModuleListener
    void on(ProspectChanged changed) {
        if (changed.changed("owner")) {
            prospects.byId(changed.prospectId()).ifPresent(p -> tasks.reassign(p.id(), p.ownerId()));
        }
    }
}
