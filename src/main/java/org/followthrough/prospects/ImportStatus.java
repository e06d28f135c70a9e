package org.followthrough.prospects;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** How an import is going: counts so far, what the file looked like, and the first rejected rows. */
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
        Instant createdAt,
        Instant finishedAt) {

    /** A row the import did not store: its row number as a spreadsheet counts it (the header is row 1). */
    public record RowError(long row, String column, String message) {}
}
