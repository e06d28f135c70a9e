package org.followthrough.prospects;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How an import is going: counts so far, what the file looked like (its format and the CRM layout its
 * headers match), the first rejected rows, the first rows imported with a value set aside (warnings),
 * and how many lines were a report's footer rather than rows.
 */
public record ImportStatus(
        UUID id,
        UUID memberId,
        String fileName,
        String status,
        long total,
        boolean totalEstimated,
        long processed,
        long imported,
        long updated,
        long rejected,
        long bytesRead,
        long bytesTotal,
        String format,
        List<String> mappedColumns,
        List<String> ignoredColumns,
        String failure,
        List<RowError> errors,
        long warned,
        List<RowError> warnings,
        long footerLines,
        String layout,
        Instant createdAt,
        Instant finishedAt) {

    /** A row the import did not store: its row number as a spreadsheet counts it (the header is row 1). */
    public record RowError(long row, String column, String message) {}

    /**
     * A line of an import's report: a rejected row ({@code warning} false) or a value set aside on a row
     * that was imported all the same ({@code warning} true), with its row and column.
     */
    public record ReportLine(long row, String column, String message, boolean warning) {}
}
