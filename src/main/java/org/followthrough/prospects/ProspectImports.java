package org.followthrough.prospects;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.followthrough.common.Installation;
import org.followthrough.common.Refusal;
import org.followthrough.team.Actor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * CSV imports of prospects. The upload is streamed to a file under the data directory, then read in
 * the background one batch at a time, so memory stays flat however large the file is; progress and
 * rejected rows can be read while it runs. Imports run one after another.
 */
@Service
@EnableConfigurationProperties(ImportSettings.class)
public class ProspectImports {

    private final ImportJobs jobs;
    private final Prospects prospects;
    private final Owners owners;
    private final Suppressions suppressions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Path directory;
    private final long maxBytes;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "prospect-import");
        thread.setDaemon(true);
        return thread;
    });

    ProspectImports(
            ImportJobs jobs,
            Prospects prospects,
            Owners owners,
            Suppressions suppressions,
            DataSource dataSource,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            Clock clock,
            Installation installation,
            ImportSettings settings) {
        this.jobs = jobs;
        this.prospects = prospects;
        this.owners = owners;
        this.suppressions = suppressions;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
        this.directory = Path.of(installation.dataDir(), "imports");
        this.maxBytes = settings.maxBytes().toBytes();
    }

    /** Stores the upload and starts importing it; the id to follow its progress by. */
    public UUID start(Actor actor, String fileName, InputStream upload) throws IOException {
        Files.createDirectories(directory);
        var id = UUID.randomUUID();
        var file = directory.resolve(id + ".csv");
        long size;
        try (var out = Files.newOutputStream(file)) {
            size = copyAtMost(upload, out);
        }
        if (size > maxBytes) {
            Files.deleteIfExists(file);
            throw new Refusal(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Content too large",
                    "The file is larger than " + DataSize.ofBytes(maxBytes).toMegabytes()
                            + " MB; split it into parts.");
        }
        jobs.start(id, actor.id(), fileName, size, clock.instant());
        var turns = owners.rotation(actor.id());
        var run = new ImportRun(
                id, file, actor, prospects.importContext(actor, turns), jobs, batch(), transaction, clock);
        worker.submit(() -> run.run((status, failure, totals) -> transaction.executeWithoutResult(tx -> {
            // one transaction ends the import, keeps the turns its rows took and records the event that enrols
            // its new prospects: an import never shows as finished with its prospects left out of the cadence
            owners.keep(turns);
            jobs.finish(id, status, failure, clock.instant());
            events.publishEvent(new ProspectsImported(id, totals.created(), totals.updated()));
        })));
        return id;
    }

    public Optional<ImportStatus> status(Actor actor, UUID id) {
        return jobs.find(id).filter(s -> actor.seesWholeTeam() || s.memberId().equals(actor.id()));
    }

    /** Every rejected row of an import, in file order. */
    public void errors(Actor actor, UUID id, Consumer<ImportStatus.RowError> sink) {
        status(actor, id).orElseThrow(() -> Refusal.notFound("import", id));
        jobs.errors(id, sink);
    }

    /**
     * Imports a crashed or stopped server left running cannot finish: each is marked failed and, in the
     * same transaction, the prospects it stored are handed to the engine like a finished import's, so none
     * is left without a cadence (importing the file again only updates them).
     */
    @EventListener(ApplicationReadyEvent.class)
    void failImportsTheLastRunLeftBehind() {
        for (var abandoned : jobs.running()) {
            transaction.executeWithoutResult(tx -> {
                if (jobs.abandon(abandoned.id(), clock.instant())) {
                    events.publishEvent(
                            new ProspectsImported(abandoned.id(), abandoned.imported(), abandoned.updated()));
                }
            });
        }
    }

    private ImportBatch batch() {
        return new ImportBatch(jdbc, suppressions, new HashMap<>(), events, clock);
    }

    private long copyAtMost(InputStream in, java.io.OutputStream out) throws IOException {
        var buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxBytes) {
                return total;
            }
            out.write(buffer, 0, n);
        }
        return total;
    }
}
