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
    static final int BATCH = 2_000;
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
    private final ImportChoices choices;
    /** The file's format when whoever started the import read it already (null: sniffed here). */
    private final CsvFormat known;

    private long created;
    private long updated;
    private int errorsKept;

    ImportRun(
            UUID id,
            Path file,
            Actor actor,
            Intake.Context context,
            ImportJobs jobs,
            ImportBatch batch,
            TransactionTemplate transaction,
            Clock clock) {
        this(id, file, actor, context, jobs, batch, transaction, clock, ImportChoices.DEFAULT);
    }

    ImportRun(
            UUID id,
            Path file,
            Actor actor,
            Intake.Context context,
            ImportJobs jobs,
            ImportBatch batch,
            TransactionTemplate transaction,
            Clock clock,
            ImportChoices choices) {
        this(id, file, actor, context, jobs, batch, transaction, clock, choices, null);
    }

    ImportRun(
            UUID id,
            Path file,
            Actor actor,
            Intake.Context context,
            ImportJobs jobs,
            ImportBatch batch,
            TransactionTemplate transaction,
            Clock clock,
            ImportChoices choices,
            CsvFormat known) {
        this.known = known;
        this.choices = choices;
        this.id = id;
        this.file = file;
        this.actor = actor;
        this.context = context;
        this.jobs = jobs;
        this.batch = batch;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** How an import is marked finished: DONE or FAILED, why it failed, and what it stored. */
    interface Ending {
        void finish(ImportState status, String failure, Totals totals);
    }

    /** Reads and stores the whole file, then ends it, however reading went. */
    void run(Ending ending) {
        String failure;
        try {
            failure = importFile();
        } catch (RuntimeException | IOException | LinkageError e) {
            // whatever stopped it, the import ends as FAILED rather than staying RUNNING for ever
            log.error("Import {} failed", id, e);
            failure = "The import stopped unexpectedly. The rows counted as imported are stored; import the file"
                    + " again to finish it (rows already imported are updated, never duplicated).";
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the uploaded file {}", file, e);
            }
        }
        ending.finish(failure == null ? ImportState.DONE : ImportState.FAILED, failure, new Totals(created, updated));
    }

    /** Null when the whole file was read, else why the import stopped. */
    private String importFile() throws IOException {
        var format = known;
        if (format == null) {
            try (var in = Files.newInputStream(file)) {
                format = CsvFormat.sniff(in.readNBytes(64 * 1024));
            } catch (CsvFormat.NotCsv notCsv) {
                return notCsv.getMessage();
            }
            // the file is on disk already: one quick pass over all of it settles UTF-8 or Windows-1252
            try (var in = Files.newInputStream(file)) {
                format = format.confirmedBy(in);
            }
        }
        try (var counting = new Counting(Files.newInputStream(file));
                var reader = reader(counting, format)) {
            var records = reader.iterator();
            long headerRow = 0;
            CsvRecord header = null;
            while (header == null && records.hasNext()) {
                var record = records.next();
                headerRow++;
                header = blank(record) ? null : record;
            }
            if (header == null) {
                return "The file has no rows; export the prospects again with a header row.";
            }
            var columns = columns(header.getFields(), choices);
            jobs.describe(id, format.describe(), columns.layoutName(), columns.mapped(), columns.ignored());
            var missing = columns.missing();
            if (missing.isPresent()) {
                return missing.get();
            }
            return readAndStore(records, columns, counting, headerRow);
        } catch (CsvParseException broken) {
            return "Row 1 " + unreadable(broken);
        }
    }

    static CsvReader<CsvRecord> reader(InputStream in, CsvFormat format) throws IOException {
        return CsvReader.builder()
                .fieldSeparator(format.delimiter())
                // blank lines are kept (and passed over) so row numbers stay those a spreadsheet shows
                .skipEmptyLines(false)
                .allowExtraFields(true)
                .allowMissingFields(true)
                // a quote still open at the end of the file has swallowed every row after it: say so
                .allowUnclosedQuote(false)
                .maxBufferSize(MAX_RECORD_CHARS)
                .ofCsvRecord(skip(in, format.bomLength()), format.charset());
    }

    /**
     * The columns as the person chose them: their corrections over the standard names; when the owner is
     * the importer or the reps in turn, the file's owner columns are not read.
     */
    static Columns columns(List<String> header, ImportChoices choices) {
        var columns = Columns.of(header, choices.columns());
        if (choices.owner() == ImportChoices.Owner.COLUMN) {
            return columns;
        }
        var corrected = new java.util.HashMap<>(choices.columns());
        for (int i = 0; i < header.size(); i++) {
            if (columns.fieldAt(i).filter("owner"::equals).isPresent()) {
                corrected.put(header.get(i) == null ? "" : header.get(i).strip(), "-");
            }
        }
        return Columns.of(header, corrected);
    }

    /** The first rows of a file, as an import would read them, for a preview. */
    record Sample(
            String format,
            List<String> header,
            List<Long> rowNumbers,
            List<List<String>> rows,
            long footerLines,
            CsvFormat csvFormat) {}

    /** Reads the header and up to {@code max} rows; a file that cannot be read is refused with why. */
    static Sample sample(Path file, int max) throws IOException {
        CsvFormat format;
        try (var in = Files.newInputStream(file)) {
            format = CsvFormat.sniff(in.readNBytes(64 * 1024));
        } catch (CsvFormat.NotCsv notCsv) {
            throw org.followthrough.common.InvalidInput.of("file", notCsv.getMessage());
        }
        try (var in = Files.newInputStream(file)) {
            format = format.confirmedBy(in);
        }
        try (var reader = reader(Files.newInputStream(file), format)) {
            var records = reader.iterator();
            List<String> header = null;
            long row = 0;
            var numbers = new ArrayList<Long>();
            var rows = new ArrayList<List<String>>();
            long footers = 0;
            boolean afterBlank = false;
            while (records.hasNext() && (header == null || rows.size() < max)) {
                var record = records.next();
                row++;
                if (blank(record)) {
                    afterBlank = header != null;
                    continue;
                }
                if (header == null) {
                    header = record.getFields();
                } else if (footer(record.getFields(), afterBlank)) {
                    footers++;
                } else {
                    numbers.add(row);
                    rows.add(record.getFields());
                }
            }
            if (header == null) {
                throw org.followthrough.common.InvalidInput.of(
                        "file", "The file has no rows; export the prospects again with a header row.");
            }
            return new Sample(format.describe(), header, numbers, rows, footers, format);
        } catch (CsvParseException broken) {
            throw org.followthrough.common.InvalidInput.of("file", "A row near the start " + unreadable(broken));
        }
    }

    private static boolean blank(CsvRecord record) {
        return record.getFields().stream().allMatch(String::isBlank);
    }

    /** The lines a CRM's report export ends with, whatever comes before them. */
    private static final java.util.regex.Pattern FOOTER = java.util.regex.Pattern.compile(
            "(?i)^\\s*(copyright\\b.*|\\(c\\).*|©.*|confidential information\\b.*|generated by:.*"
                    + "|grand totals?\\b.*|totals?\\b.*|record count\\b.*|\\d+ records?\\b.*)$");

    /**
     * A line of a report's footer rather than a row: a line with one cell filled (Salesforce writes its
     * report's name, "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.", "Confidential
     * Information - Do Not Distribute", "Generated By: ..." and the organisation's name after a blank line),
     * either after a blank line or saying what only footers say.
     */
    static boolean footer(List<String> fields, boolean afterBlank) {
        String only = null;
        for (var field : fields) {
            if (!field.isBlank()) {
                if (only != null) {
                    return false;
                }
                only = field;
            }
        }
        return only != null && (afterBlank || FOOTER.matcher(only).matches());
    }

    /** Why a row cannot be read, for "Row n ...". */
    private static String unreadable(CsvParseException broken) {
        for (Throwable cause = broken; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().startsWith("Unclosed quoted field")) {
                return "opens a quote (\") that is never closed, so every row after it would be read as one"
                        + " cell. The rows before it were imported; close the quote in that row (or double a"
                        + " quote meant as text: \"\") and import the file again.";
            }
        }
        return "cannot be read (" + broken.getMessage() + "): a quote is not closed or a line is longer than "
                + (MAX_RECORD_CHARS / 1024) + " KB. The rows before it were imported; fix that row and import the"
                + " file again.";
    }

    /**
     * Two stages side by side: this thread stores batches while a reader thread parses and checks the
     * next ones (checking is most of the CPU work). At most two batches wait between them, so memory
     * stays flat.
     */
    private String readAndStore(
            java.util.Iterator<CsvRecord> records, Columns columns, Counting counting, long headerRow) {
        var ready = new java.util.concurrent.ArrayBlockingQueue<Object>(2);
        footerLines.set(0);
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var reader =
                new Thread(() -> read(records, columns, counting, headerRow, ready, stop), "prospect-import-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                var next = ready.take();
                if (next instanceof ImportBatch.Prepared prepared) {
                    store(columns, prepared);
                } else {
                    jobs.footer(id, footerLines.get());
                    return next instanceof String failure ? failure : null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "The import was interrupted; import the file again.";
        } finally {
            stop.set(true);
            reader.interrupt();
        }
    }

    private static final Object END = new Object();

    private final java.util.concurrent.atomic.AtomicLong footerLines = new java.util.concurrent.atomic.AtomicLong();

    private void read(
            java.util.Iterator<CsvRecord> records,
            Columns columns,
            Counting counting,
            long headerRow,
            java.util.concurrent.BlockingQueue<Object> ready,
            java.util.concurrent.atomic.AtomicBoolean stop) {
        var rows = new ArrayList<Columns.Row>(BATCH);
        // every record counts, blank or spanning several lines: the row numbers a spreadsheet shows
        long row = headerRow;
        Object last = END;
        boolean afterBlank = false;
        try {
            while (!stop.get() && records.hasNext()) {
                CsvRecord record = records.next();
                row++;
                if (blank(record)) {
                    afterBlank = true;
                    continue;
                }
                if (footer(record.getFields(), afterBlank)) {
                    footerLines.incrementAndGet();
                    continue;
                }
                rows.add(columns.read(row, record.getFields()));
                if (rows.size() == BATCH) {
                    ready.put(batch.prepare(context, columns, rows, counting.count));
                    rows = new ArrayList<>(BATCH);
                }
            }
        } catch (CsvParseException broken) {
            last = "Row " + (row + 1) + " " + unreadable(broken);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException | Error e) {
            // whatever stops this thread, the storing side must hear of it, or the import stays RUNNING for ever
            log.error("Import {} could not read its file", id, e);
            last = "The file could not be read past row " + row + "; check that it is a CSV export and import it"
                    + " again.";
        }
        try {
            if (!rows.isEmpty()) {
                ready.put(batch.prepare(context, columns, rows, counting.count));
            }
            ready.put(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void store(Columns columns, ImportBatch.Prepared prepared) {
        try {
            transaction.executeWithoutResult(tx -> tally(batch.store(actor, id, columns, prepared), prepared));
        } catch (DataAccessException e) {
            // one row the database refused (a race with another import, say) must not cost the rest of the batch
            log.info("Import {}: a batch failed ({}); storing its rows one by one", id, e.getMessage());
            batch.forgetAccounts();
            for (var keep : prepared.keep()) {
                var single = new ImportBatch.Prepared(List.of(keep), List.of(), 0, 1, prepared.bytesRead());
                try {
                    transaction.executeWithoutResult(tx -> tally(batch.store(actor, id, columns, single), single));
                } catch (DataAccessException rowFailed) {
                    batch.forgetAccounts();
                    // the database's own words name its tables and columns: they go to the log, not the report
                    log.warn(
                            "Import {}: row {} could not be stored",
                            id,
                            keep.row().row(),
                            rowFailed);
                    var error = new ImportBatch.RowError(
                                    keep.row().row(),
                                    null,
                                    "could not be stored (another import or change of the same person at the same"
                                            + " time, or a value the database refused); import the file again")
                            .about(keep.row().fields());
                    transaction.executeWithoutResult(tx -> tally(new ImportBatch.Result(0, 0, List.of(error)), single));
                }
            }
            var rest = new ImportBatch.Prepared(
                    List.of(),
                    prepared.errors(),
                    0,
                    prepared.processed() - prepared.keep().size(),
                    prepared.bytesRead());
            transaction.executeWithoutResult(
                    tx -> tally(new ImportBatch.Result(0, prepared.superseded(), rest.errors()), rest));
        }
    }

    private void tally(ImportBatch.Result result, ImportBatch.Prepared prepared) {
        created += result.created();
        updated += result.updated();
        long rejectedRows = result.errors().stream()
                .filter(e -> !e.warning())
                .mapToLong(ImportBatch.RowError::row)
                .distinct()
                .count();
        long warnedRows = result.errors().stream()
                .filter(ImportBatch.RowError::warning)
                .mapToLong(ImportBatch.RowError::row)
                .distinct()
                .count();
        errorsKept += jobs.rejected(id, result.errors(), errorsKept);
        jobs.progress(
                id,
                prepared.processed(),
                result.created(),
                result.updated(),
                rejectedRows,
                warnedRows,
                prepared.bytesRead());
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
