package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.followthrough.SignalSender.await;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.prospects.imports.Columns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** An import the server could not finish still hands the prospects it stored to the engine. */
@ApplicationTest
class AbandonedImportTest {

    @Autowired
    Given given;

    @Autowired
    ProspectImports imports;

    @Autowired
    ImportJobs jobs;

    @Autowired
    Prospects prospects;

    @Autowired
    Owners owners;

    @Autowired
    Suppressions suppressions;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theProspectsAnImportStoredBeforeTheServerStoppedStillStartTheirCadence() {
        var manager = given.manager();
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var importId = UUID.randomUUID();
        jobs.start(importId, manager.id(), "crashed.csv", 1000, clock.instant());
        // one batch stored as a running import stores it, then the server stopped before the import ended
        var columns = Columns.of(List.of("Full Name", "Email"));
        var rows = List.of(
                columns.read(2, List.of("Crash One", "one." + tag + "@example.com")),
                columns.read(3, List.of("Crash Two", "two." + tag + "@example.com")));
        var batch = new ImportBatch(new JdbcTemplate(dataSource), suppressions, new HashMap<>(), events, clock);
        var prepared = batch.prepare(
                prospects.importContext(manager.asActor(), owners.rotation(manager.id())), columns, rows, 500);
        transaction.executeWithoutResult(tx -> {
            batch.store(manager.asActor(), importId, columns, prepared);
            jobs.progress(importId, 2, 2, 0, 0, 500);
        });
        var stored = List.of(
                prospects.byEmail("one." + tag + "@example.com").orElseThrow(),
                prospects.byEmail("two." + tag + "@example.com").orElseThrow());
        assertThat(stored).allSatisfy(p -> assertThat(enrolments(p)).isZero());

        // the next start finds the import still running
        imports.failImportsTheLastRunLeftBehind();

        assertThat(jobs.find(importId).orElseThrow().status()).isEqualTo("FAILED");
        assertThat(jobs.find(importId).orElseThrow().failure()).contains("Import the file again");
        for (var p : stored) {
            await(() -> enrolments(p) == 1 ? true : null);
        }
    }

    private long enrolments(Prospect p) {
        return jdbc.sql("select count(*) from enrolments where prospect_id = ?")
                .param(p.id())
                .query(Long.class)
                .single();
    }
}
