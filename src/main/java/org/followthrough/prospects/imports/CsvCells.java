package org.followthrough.prospects.imports;

/**
 * Cells that are safe to open in a spreadsheet (OWASP CSV injection): a value starting with
 * {@code = + - @}, tab or carriage return is written with a leading apostrophe, which spreadsheets
 * show as text; reading takes that apostrophe off again, so export and import are a round trip.
 */
public final class CsvCells {

    private CsvCells() {}

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return dangerous(value.charAt(0)) ? "'" + value : value;
    }

    /** A cell's value as typed: trimmed, empty as null, the apostrophe of a neutralised cell removed. */
    public static String read(String cell) {
        if (cell == null) {
            return null;
        }
        var value = cell.strip();
        if (value.length() > 1 && value.charAt(0) == '\'' && dangerous(value.charAt(1))) {
            value = value.substring(1);
        }
        return value.isEmpty() ? null : value;
    }

    private static boolean dangerous(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
