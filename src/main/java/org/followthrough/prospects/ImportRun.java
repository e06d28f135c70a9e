package org.followthrough.prospects;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.followthrough.prospects.imports.Columns;
import org.followthrough.prospects.imports.CsvFormat;
import org.followthrough.team.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/** One import from start to end: sniff the file, map its columns, store it batch by batch. */
final class ImportRun {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
    static final int BATCH = 1_000;
    /** Longer than any real row; a broken quote that swallows the rest of a file hits it soon. */
    static final int MAX_RECORD_CHARS = 1024 * 1024;

    record Totals(long created, long updated) {}

    private final UUID id;
    private final Path file;
    private final Actor actor;
    private final Intake.Context context;
    private final ImportJobs jobs;
    private final ImportBatch batch;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private long created;
    private long updated;

    ImportRun(
            UUID id,
            Path file,
            Actor actor,
            Intake.Context context,
            ImportJobs jobs,
            ImportBatch batch,
            TransactionTemplate transaction,
            Clock clock) {
        this.id = id;
        this.file = file;
        this.actor = actor;
        this.context = context;
        this.jobs = jobs;
        this.batch = batch;
        this.transaction = transaction;
        this.clock = clock;
    }

    Totals run() {
        try {
            var failure = importFile();
            jobs.finish(id, failure == null ? "DONE" : "FAILED", failure, clock.instant());
        } catch (RuntimeException | IOException e) {
            log.error("Import {} failed", id, e);
            jobs.finish(id, "FAILED", "The import stopped unexpectedly: " + e.getMessage(), clock.instant());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the uploaded file {}", file, e);
            }
        }
        return new Totals(created, updated);
    }

    /** Null when the whole file was read, else why the import stopped. */
    private String importFile() throws IOException {
        CsvFormat format;
        try (var in = Files.newInputStream(file)) {
            format = CsvFormat.sniff(in.readNBytes(64 * 1024));
        } catch (CsvFormat.NotCsv notCsv) {
            return notCsv.getMessage();
        }
        try (var counting = new Counting(Files.newInputStream(file));
                var reader = CsvReader.builder()
                        .fieldSeparator(format.delimiter())
                        .skipEmptyLines(true)
                        .allowExtraFields(true)
                        .allowMissingFields(true)
                        .maxBufferSize(MAX_RECORD_CHARS)
                        .ofCsvRecord(skip(counting, format.bomLength()), format.charset())) {
            var records = reader.iterator();
            if (!records.hasNext()) {
                return "The file has no rows; export the prospects again with a header row.";
            }
            var columns = Columns.of(records.next().getFields());
            jobs.describe(id, format.describe(), columns.mapped(), columns.ignored());
            var missing = columns.missing();
            if (missing.isPresent()) {
                return missing.get();
            }
            var rows = new ArrayList<Columns.Row>(BATCH);
            long row = 1;
            try {
                while (records.hasNext()) {
                    CsvRecord record = records.next();
                    row++;
                    if (record.getFields().stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    rows.add(columns.read(row, record.getFields()));
                    if (rows.size() == BATCH) {
                        store(columns, rows, counting.count);
                        rows.clear();
                    }
                }
            } catch (CsvParseException broken) {
                store(columns, rows, counting.count);
                return "Row " + (row + 1) + " cannot be read (" + broken.getMessage() + "): a quote is not closed or"
                        + " a line is longer than " + (MAX_RECORD_CHARS / 1024) + " KB. The rows before it were"
                        + " imported; fix that row and import the file again.";
            }
            store(columns, rows, counting.count);
        }
        return null;
    }

    private void store(Columns columns, List<Columns.Row> rows, long bytesRead) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            transaction.executeWithoutResult(
                    tx -> tally(batch.write(actor, context, id, columns, rows), rows.size(), bytesRead));
        } catch (DataAccessException e) {
            // one row the database refused (a race with another import, say) must not cost the rest of the batch
            log.info("Import {}: a batch failed ({}); storing its rows one by one", id, e.getMessage());
            batch.forgetAccounts();
            for (var row : rows) {
                try {
                    transaction.executeWithoutResult(
                            tx -> tally(batch.write(actor, context, id, columns, List.of(row)), 1, bytesRead));
                } catch (DataAccessException rowFailed) {
                    batch.forgetAccounts();
                    transaction.executeWithoutResult(tx -> tally(
                            new ImportBatch.Result(
                                    0,
                                    0,
                                    List.of(new ImportBatch.RowError(
                                            row.row(),
                                            null,
                                            "could not be stored: "
                                                    + rowFailed
                                                            .getMostSpecificCause()
                                                            .getMessage()))),
                            1,
                            bytesRead));
                }
            }
        }
    }

    private void tally(ImportBatch.Result result, int processed, long bytesRead) {
        created += result.created();
        updated += result.updated();
        long rejectedRows = result.errors().stream()
                .mapToLong(ImportBatch.RowError::row)
                .distinct()
                .count();
        jobs.rejected(id, result.errors());
        jobs.progress(id, processed, result.created(), result.updated(), rejectedRows, bytesRead);
    }

    private static InputStream skip(InputStream in, int bytes) throws IOException {
        in.skipNBytes(bytes);
        return in;
    }

    /** Counts the bytes read so far, for progress. */
    private static final class Counting extends FilterInputStream {
        volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
