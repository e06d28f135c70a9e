package org.followthrough.prospects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.followthrough.common.InvalidInput;
import org.followthrough.prospects.imports.ColumnNames;

/**
 * What a person chose for an import: corrected columns (header → field, or "-" to ignore it), who owns the
 * new prospects (the file's owner column, the importer, or the reps in turn), what happens to them next
 * (the first-time-call cadence, another cadence, nurture, or nothing), how people already known are found
 * (email always, their phone, the source CRM's id) and whether they are updated or left as they are.
 */
public record ImportChoices(
        Map<String, String> columns, Owner owner, String next, Set<Match> matchBy, Duplicates duplicates) {

    public enum Owner {
        /** The file's owner column (a member's email or name), else the default: the importing rep, or the reps in turn. */
        COLUMN,
        /** The person importing. */
        ME,
        /** The active reps in turn, whatever the file says. */
        ROUND_ROBIN
    }

    public enum Match {
        EMAIL,
        PHONE,
        CRM_ID
    }

    public enum Duplicates {
        UPDATE,
        SKIP
    }

    public static final String FIRST_TIME_CALLS = "first-time-calls";
    public static final String NURTURE = "nurture";
    public static final String NOTHING = "none";

    public static final ImportChoices DEFAULT = new ImportChoices(
            Map.of(), Owner.COLUMN, FIRST_TIME_CALLS, Set.of(Match.EMAIL, Match.PHONE), Duplicates.UPDATE);

    public ImportChoices {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        owner = owner == null ? Owner.COLUMN : owner;
        next = next == null || next.isBlank() ? FIRST_TIME_CALLS : next.strip();
        matchBy = matchBy == null || matchBy.isEmpty() ? Set.of(Match.EMAIL, Match.PHONE) : Set.copyOf(matchBy);
        duplicates = duplicates == null ? Duplicates.UPDATE : duplicates;
    }

    /** The same choices with these corrected columns. */
    public ImportChoices withColumns(Map<String, String> corrected) {
        return new ImportChoices(corrected, owner, next, matchBy, duplicates);
    }

    /** Refuses a correction naming a field that does not exist, or a next step that is not a cadence key. */
    void check(java.util.Collection<String> cadences) {
        var problems = new InvalidInput.Collector();
        for (var e : columns.entrySet()) {
            var field = e.getValue() == null ? "" : e.getValue().strip();
            if (!field.isEmpty() && !field.equals(ColumnNames.IGNORED) && !ColumnNames.FIELDS.contains(field)) {
                problems.add(
                        "columns",
                        "'" + e.getKey() + "' cannot become '" + field + "'; choose one of "
                                + String.join(", ", ColumnNames.FIELDS) + ", or - to ignore it");
            }
        }
        if (!next.equals(NOTHING) && !cadences.contains(next)) {
            problems.add(
                    "next",
                    "'" + next + "' is not a cadence; choose " + NOTHING + " or one of " + String.join(", ", cadences));
        }
        problems.throwIfAny();
    }

    /** The cadence new prospects start, or null for none. */
    String cadence() {
        return next.equals(NOTHING) ? null : next;
    }

    /** The corrections as stored for the next file with the same headers: one "header\tfield" per line. */
    String columnsText() {
        var text = new StringBuilder();
        new java.util.TreeMap<>(columns).forEach((header, field) -> text.append(
                        header.replace('\t', ' ').replace('\n', ' '))
                .append('\t')
                .append(field == null || field.isBlank() ? ColumnNames.IGNORED : field.strip())
                .append('\n'));
        return text.toString();
    }

    static Map<String, String> columnsOf(String text) {
        var columns = new LinkedHashMap<String, String>();
        if (text != null) {
            for (var line : text.split("\n")) {
                var cells = line.split("\t", 2);
                if (cells.length == 2) {
                    columns.put(cells[0], cells[1]);
                }
            }
        }
        return columns;
    }

    static List<String> nextChoices(java.util.Collection<String> cadences) {
        var all = new java.util.ArrayList<String>(cadences);
        all.add(NOTHING);
        return all;
    }
}
