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
    private final ImportMappings mappings;
    private final CadenceKeys cadences;
    private final org.followthrough.team.Team team;
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
            ImportMappings mappings,
            CadenceKeys cadences,
            org.followthrough.team.Team team,
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
        this.mappings = mappings;
        this.cadences = cadences;
        this.team = team;
        this.directory = Path.of(installation.dataDir(), "imports");
        this.maxBytes = settings.maxBytes().toBytes();
    }

    /**
     * Stores the upload and starts importing it with the columns as recognised (and as corrected for the
     * last file with the same headers); the id to follow its progress by.
     */
    public UUID start(Actor actor, String fileName, InputStream upload) throws IOException {
        var id = UUID.randomUUID();
        var file = store(id, upload);
        long size = Files.size(file);
        jobs.start(id, actor.id(), fileName, size, clock.instant());
        ImportChoices choices;
        org.followthrough.prospects.imports.CsvFormat format = null;
        try {
            var sample = ImportRun.sample(file, 0);
            format = sample.csvFormat();
            choices = ImportChoices.DEFAULT.withColumns(
                    mappings.remembered(sample.header()).orElse(java.util.Map.of()));
        } catch (org.followthrough.common.InvalidInput unreadable) {
            // the import reads the file again and fails naming why
            choices = ImportChoices.DEFAULT;
        }
        run(id, file, actor, choices, format);
        return id;
    }

    /** Stores an upload under the imports directory, refusing one larger than allowed. */
    private Path store(UUID id, InputStream upload) throws IOException {
        Files.createDirectories(directory);
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
        return file;
    }

    /** Starts reading the file in the background; {@code format} as already read (null: read it there). */
    private void run(
            UUID id,
            Path file,
            Actor actor,
            ImportChoices choices,
            org.followthrough.prospects.imports.CsvFormat format) {
        var turns = owners.rotation(actor.id());
        var context = context(actor, turns, choices);
        var run = new ImportRun(id, file, actor, context, jobs, batch(choices), transaction, clock, choices, format);
        worker.submit(() -> run.run((status, failure, totals) -> transaction.executeWithoutResult(tx -> {
            // one transaction ends the import, keeps the turns its rows took and records the event that enrols
            // its new prospects: an import never shows as finished with its prospects left out of the cadence
            owners.keep(turns);
            jobs.finish(id, status, failure, clock.instant());
            events.publishEvent(new ProspectsImported(id, totals.created(), totals.updated(), choices.next()));
        })));
    }

    /** The checks' context: new prospects owned by the importer when they chose so. */
    private Intake.Context context(Actor actor, Owners.Rotation turns, ImportChoices choices) {
        var context = prospects.importContext(actor, turns);
        if (choices.owner() != ImportChoices.Owner.ME) {
            return context;
        }
        return new Intake.Context(
                context.actor(), context.defaultCountry(), context.defaultZone(), context.memberByEmail(), actor::id);
    }

    static final int PREVIEW_ROWS = 10;

    /** Stores an upload to be mapped and imported later, and shows what its first rows would become. */
    public ImportPreview upload(Actor actor, String fileName, InputStream upload) throws IOException {
        var id = UUID.randomUUID();
        var file = store(id, upload);
        try {
            var preview = preview(actor, id, fileName, file, null);
            mappings.waiting(id, actor.id(), fileName, Files.size(file), clock.instant());
            return preview;
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The preview again, with these columns corrected (null: as remembered for these headers). */
    public ImportPreview preview(Actor actor, UUID id, java.util.Map<String, String> columns) throws IOException {
        var waiting = waiting(actor, id);
        return preview(actor, id, waiting.fileName(), directory.resolve(id + ".csv"), columns);
    }

    /** Imports an uploaded file with the person's choices, remembering their corrections for these headers. */
    public UUID start(Actor actor, UUID id, ImportChoices choices) throws IOException {
        var waiting = waiting(actor, id);
        choices.check(cadenceKeys());
        var file = directory.resolve(id + ".csv");
        var sample = ImportRun.sample(file, 0);
        if (!mappings.taken(id)) {
            throw Refusal.notFound("import preview", id);
        }
        mappings.remember(sample.header(), choices, actor.id(), clock.instant());
        jobs.start(id, actor.id(), waiting.fileName(), waiting.bytes(), clock.instant());
        run(id, file, actor, choices, sample.csvFormat());
        return id;
    }

    private ImportMappings.Waiting waiting(Actor actor, UUID id) {
        return mappings.waiting(id)
                .filter(w -> w.memberId().equals(actor.id()))
                .orElseThrow(() -> Refusal.notFound("import preview", id));
    }

    private java.util.List<String> cadenceKeys() {
        return cadences.all();
    }

    private ImportPreview preview(
            Actor actor, UUID id, String fileName, Path file, java.util.Map<String, String> corrected)
            throws IOException {
        var sample = ImportRun.sample(file, PREVIEW_ROWS);
        var remembered = mappings.remembered(sample.header());
        var columnsChosen = corrected != null ? corrected : remembered.orElse(java.util.Map.of());
        var choices = ImportChoices.DEFAULT.withColumns(columnsChosen);
        choices.check(cadenceKeys());
        var columns = ImportRun.columns(sample.header(), choices);
        var previewColumns = new java.util.ArrayList<ImportPreview.Column>();
        for (int i = 0; i < sample.header().size(); i++) {
            int index = i;
            var samples = sample.rows().stream()
                    .map(r -> index < r.size() ? r.get(index) : "")
                    .filter(v -> !v.isBlank())
                    .limit(3)
                    .map(v -> v.length() > 80 ? v.substring(0, 77) + "..." : v)
                    .toList();
            previewColumns.add(new ImportPreview.Column(
                    i, columns.header().get(i), columns.fieldAt(i).orElse(null), samples));
        }
        var context = context(actor, owners.rotation(actor.id()), choices);
        var rows = new java.util.ArrayList<ImportPreview.Row>();
        for (int i = 0; i < sample.rows().size(); i++) {
            var row = columns.read(sample.rowNumbers().get(i), sample.rows().get(i));
            var outcome = RowCheck.check(row, context);
            var warnings = outcome.warnings().stream()
                    .map(w -> new ImportStatus.RowError(
                            row.row(),
                            org.followthrough.prospects.imports.ColumnNames.FIELDS.contains(w.column())
                                    ? columns.columnOf(w.column())
                                    : w.column(),
                            w.message()))
                    .toList();
            var errors = outcome.problems().stream()
                    .map(p -> new ImportStatus.RowError(row.row(), columns.columnOf(p.field()), p.message()))
                    .toList();
            rows.add(new ImportPreview.Row(row.row(), becomes(outcome.keep()), warnings, errors));
        }
        return new ImportPreview(
                id,
                fileName,
                sample.format(),
                columns.layoutName(),
                corrected == null && remembered.isPresent(),
                previewColumns,
                rows,
                sample.footerLines(),
                columns.missing().orElse(null),
                org.followthrough.prospects.imports.ColumnNames.FIELDS,
                ImportChoices.nextChoices(cadenceKeys()));
    }

    private java.util.Map<String, Object> becomes(ImportBatch.Keep keep) {
        if (keep == null) {
            return null;
        }
        var c = keep.checked();
        var becomes = new java.util.LinkedHashMap<String, Object>();
        becomes.put("fullName", c.fullName());
        becomes.put("title", c.title());
        becomes.put("company", c.company());
        becomes.put("email", c.email());
        becomes.put("phoneE164", c.phoneE164());
        becomes.put("otherEmails", keep.otherEmails());
        becomes.put("otherPhones", keep.otherPhones());
        becomes.put("country", c.country());
        becomes.put("timeZone", c.zone().getId());
        becomes.put("owner", team.member(c.ownerId()).map(m -> m.email()).orElse(null));
        becomes.put(
                "stage", keep.stage() == null ? Stage.NEW.name() : keep.stage().name());
        becomes.put("doNotCall", c.doNotCall());
        becomes.put("emailOptOut", c.emailOptOut());
        becomes.put("sourceId", keep.sourceId());
        return becomes;
    }

    public Optional<ImportStatus> status(Actor actor, UUID id) {
        return jobs.find(id).filter(s -> actor.seesWholeTeam() || s.memberId().equals(actor.id()));
    }

    /** Every rejected row of an import and every value it set aside on a row it imported, in file order. */
    public void report(Actor actor, UUID id, Consumer<ImportStatus.ReportLine> sink) {
        status(actor, id).orElseThrow(() -> Refusal.notFound("import", id));
        jobs.report(id, sink);
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

    private ImportBatch batch(ImportChoices choices) {
        return new ImportBatch(jdbc, suppressions, new HashMap<>(), events, clock, choices);
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
