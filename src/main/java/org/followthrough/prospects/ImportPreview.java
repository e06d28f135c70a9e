package org.followthrough.prospects;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An uploaded file before it is imported: how it was read, each column with the field it is taken for
 * (null: ignored) and its first values, and what each of the first rows would become, with the values it
 * would set aside (warnings) or the problems that would reject it (errors). {@code problem} says why the
 * file cannot be imported as mapped (no name or no email/phone column), else null.
 */
public record ImportPreview(
        UUID id,
        String fileName,
        String format,
        String layout,
        boolean remembered,
        List<Column> columns,
        List<Row> rows,
        long footerLines,
        String problem,
        List<String> fields,
        List<String> nextChoices) {

    public record Column(int index, String header, String field, List<String> samples) {}

    /** What one row would become ({@code becomes} is null when the row would be rejected). */
    public record Row(
            long row,
            Map<String, Object> becomes,
            List<ImportStatus.RowError> warnings,
            List<ImportStatus.RowError> errors) {}
}
