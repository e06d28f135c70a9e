package org.followthrough.prospects.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.followthrough.common.InvalidInput.FieldProblem;
import org.followthrough.common.PlainText;
import org.followthrough.prospects.ProspectFields;

/**
 * Which columns of a file hold which field, by the names the CRMs give them ({@link ColumnNames}: HubSpot,
 * Salesforce, Pipedrive, Close, Zoho, Dynamics 365, Apollo, Outreach, Salesloft, Google Contacts, Outlook,
 * in the languages they are localised in), or as a person corrected them. Several columns may feed one
 * field (Pipedrive's work, home and other emails): the first value is the main one, the others are kept.
 * Columns it does not know are named as ignored.
 */
public final class Columns {

    /** A value as the file has it and the column it came from, so a problem names a cell the person can find. */
    public record Value(String text, String column) {}

    /**
     * One data row: prospect fields with the main email and phone, every email and phone of the row (main
     * first, in the order of preference), the stage values and last contact, the source CRM's id; the
     * problems that reject the row and the warnings about values set aside.
     */
    public record Row(
            long row,
            ProspectFields fields,
            List<FieldProblem> problems,
            List<Value> emails,
            List<Value> phones,
            List<Value> stages,
            Value lastContacted,
            String sourceId,
            List<FieldProblem> warnings) {

        /** The same row with another email, phone, or without some of its fields (those set aside). */
        public ProspectFields fields(String email, String phone, java.util.Set<String> setAside) {
            var f = fields;
            return new ProspectFields(
                    f.fullName(),
                    setAside.contains("title") ? null : f.title(),
                    email,
                    phone,
                    setAside.contains("company") ? null : f.company(),
                    setAside.contains("companyDomain") ? null : f.companyDomain(),
                    setAside.contains("industry") ? null : f.industry(),
                    setAside.contains("country") ? null : f.country(),
                    setAside.contains("region") ? null : f.region(),
                    setAside.contains("timeZone") ? null : f.timeZone(),
                    setAside.contains("decisionRole") ? null : f.decisionRole(),
                    setAside.contains("owner") ? null : f.owner(),
                    f.doNotCall(),
                    f.emailOptOut());
        }
    }

    /** Where the main email and phone are sought first: work before other, phone before mobile. */
    private static final List<String> EMAIL_FIELDS = List.of("email", "otherEmail");

    private static final List<String> PHONE_FIELDS = List.of("phone", "mobile", "otherPhone");
    private static final Pattern EMAIL_SEPARATORS = Pattern.compile(":::|[;,\\s]+");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile(":::|[;,|\\n]+");

    private final String layout;
    /** Each field and the columns feeding it, in file order. */
    private final Map<String, List<Integer>> indexesOf = new LinkedHashMap<>();

    private final List<String> header = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final List<String> mapped = new ArrayList<>();
    private final Map<Integer, String> fieldAt = new LinkedHashMap<>();

    private Columns(List<String> header, Map<String, String> corrected) {
        var names = ColumnNames.standard();
        for (var h : header) {
            this.header.add(h == null ? "" : h.strip());
        }
        this.layout = names.bestLayout(this.header);
        for (int i = 0; i < this.header.size(); i++) {
            var name = this.header.get(i);
            Optional<String> field = corrected.containsKey(name)
                    ? Optional.ofNullable(blankAsIgnored(corrected.get(name)))
                    : names.fieldOf(name, layout);
            if (field.isPresent() && !field.get().equals(ColumnNames.IGNORED)) {
                indexesOf.computeIfAbsent(field.get(), k -> new ArrayList<>()).add(i);
                fieldAt.put(i, field.get());
                mapped.add(name + " → " + field.get());
            } else if (!name.isEmpty()) {
                ignored.add(name);
            }
        }
    }

    private static String blankAsIgnored(String field) {
        return field == null || field.isBlank() ? ColumnNames.IGNORED : field;
    }

    public static Columns of(List<String> header) {
        return new Columns(header, Map.of());
    }

    /** The columns as the standard names map them, each header in {@code corrected} set to its field ("-" or blank: ignored). */
    public static Columns of(List<String> header, Map<String, String> corrected) {
        return new Columns(header, corrected);
    }

    /** The layout the header matches best (an id of {@link ColumnNames}), "any" when none. */
    public String layout() {
        return layout;
    }

    public String layoutName() {
        return ColumnNames.standard()
                .layout(layout)
                .map(ColumnNames.Layout::name)
                .orElse(layout);
    }

    /** The header row as read. */
    public List<String> header() {
        return List.copyOf(header);
    }

    /** The field each column feeds, by column position; absent for an ignored column. */
    public Optional<String> fieldAt(int index) {
        return Optional.ofNullable(fieldAt.get(index));
    }

    /** Whether the file has a column that names or reaches a person: a name and an email or phone. */
    public Optional<String> missing() {
        boolean named = has("fullName") || has("firstName") || has("lastName");
        boolean reachable = EMAIL_FIELDS.stream().anyMatch(this::has)
                || PHONE_FIELDS.stream().anyMatch(this::has);
        if (named && reachable) {
            return Optional.empty();
        }
        return Optional.of("The header row has no "
                + (named
                        ? ""
                        : "name column (such as \"Full Name\" or " + "\"First Name\" and \"Last Name\")"
                                + (reachable ? "" : " and no "))
                + (reachable ? "" : "email or phone column (such as \"Email Address\" or \"Phone Number\")")
                + "; the columns found were: " + String.join(", ", allNames())
                + ". Choose which column is which in the import preview.");
    }

    /** The file's column names that became fields, as "Column → field". */
    public List<String> mapped() {
        return List.copyOf(mapped);
    }

    public List<String> ignored() {
        return List.copyOf(ignored);
    }

    /** The file's name for the column that fed a field, so a problem points at a cell the person can find. */
    public String columnOf(String field) {
        if (field.equals("phone")) {
            return PHONE_FIELDS.stream()
                    .filter(this::has)
                    .findFirst()
                    .map(this::firstColumn)
                    .orElse(field);
        }
        if (field.equals("email")) {
            return EMAIL_FIELDS.stream()
                    .filter(this::has)
                    .findFirst()
                    .map(this::firstColumn)
                    .orElse(field);
        }
        if (field.equals("fullName") && !has("fullName")) {
            return has("firstName") ? firstColumn("firstName") : has("lastName") ? firstColumn("lastName") : field;
        }
        if ((field.equals("doNotCall") || field.equals("emailOptOut")) && !has(field) && has("doNotContact")) {
            return firstColumn("doNotContact");
        }
        return has(field) ? firstColumn(field) : field;
    }

    private String firstColumn(String field) {
        return header.get(indexesOf.get(field).get(0));
    }

    public Row read(long row, List<String> cells) {
        var problems = new ArrayList<FieldProblem>();
        var warnings = new ArrayList<FieldProblem>();
        refuseUnsafeText(cells, problems);
        var first = cell(cells, "firstName");
        var last = cell(cells, "lastName");
        var full = cell(cells, "fullName");
        if (full == null && (first != null || last != null)) {
            full = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        }
        var emails = values(cells, EMAIL_FIELDS, EMAIL_SEPARATORS);
        var phones = values(cells, PHONE_FIELDS, PHONE_SEPARATORS);
        var contactless = flag(cells, "doNotContact", warnings);
        var doNotCall = orTrue(flag(cells, "doNotCall", warnings), contactless);
        var emailOptOut = orTrue(flag(cells, "emailOptOut", warnings), contactless);
        var fields = new ProspectFields(
                full,
                cell(cells, "title"),
                emails.isEmpty() ? null : emails.get(0).text(),
                phones.isEmpty() ? null : phones.get(0).text(),
                cell(cells, "company"),
                cell(cells, "companyDomain"),
                cell(cells, "industry"),
                cell(cells, "country"),
                cell(cells, "region"),
                zone(cell(cells, "timeZone")),
                cell(cells, "decisionRole"),
                cell(cells, "owner"),
                doNotCall,
                emailOptOut);
        var stages = values(cells, List.of("stage"), null);
        var contacted = values(cells, List.of("lastContacted"), null);
        return new Row(
                row,
                fields,
                problems,
                emails,
                phones,
                stages,
                contacted.isEmpty() ? null : contacted.get(0),
                cell(cells, "sourceId"),
                warnings);
    }

    private static Boolean orTrue(Boolean flag, Boolean contactless) {
        if (Boolean.TRUE.equals(contactless)) {
            return true;
        }
        return flag != null ? flag : contactless;
    }

    /**
     * HubSpot exports a time zone as a slug ("america_slash_new_york"); it is read as the zone it names
     * ("America/New_York"). Any other value is left as written.
     */
    static String zone(String value) {
        if (value == null || !value.contains("_slash_")) {
            return value;
        }
        var parts = value.toLowerCase(Locale.ROOT).split("_slash_");
        var zone = new StringBuilder();
        for (var part : parts) {
            if (!zone.isEmpty()) {
                zone.append('/');
            }
            var words = part.split("_");
            for (int i = 0; i < words.length; i++) {
                if (i > 0) {
                    zone.append('_');
                }
                var w = words[i];
                zone.append(w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
            }
        }
        return zone.toString();
    }

    /**
     * The text rule ({@link PlainText}) for every mapped cell as the file has it, before a cell is trimmed:
     * a control character or a bidirectional control rejects the row naming its column, rather than being
     * trimmed away or stored. Cells are single lines, as the fields they fill are.
     */
    private void refuseUnsafeText(List<String> cells, List<FieldProblem> problems) {
        for (var mappedColumn : fieldAt.entrySet()) {
            int index = mappedColumn.getKey();
            if (index < cells.size()) {
                var field = mappedColumn.getValue();
                PlainText.problem(cells.get(index), PlainText.Lines.ONE)
                        .ifPresent(p -> problems.add(new FieldProblem(problemField(field), p)));
            }
        }
    }

    /** The field a problem with a column is reported under, so its column is named by {@link #columnOf}. */
    private static String problemField(String field) {
        return switch (field) {
            case "otherEmail" -> "email";
            case "mobile", "otherPhone" -> "phone";
            case "firstName", "lastName" -> "fullName";
            default -> field;
        };
    }

    private boolean has(String field) {
        return indexesOf.containsKey(field);
    }

    private List<String> allNames() {
        return header.stream().filter(h -> !h.isEmpty()).toList();
    }

    /** The first non-empty cell of the columns feeding a field. */
    private String cell(List<String> cells, String field) {
        for (int index : indexesOf.getOrDefault(field, List.of())) {
            if (index < cells.size()) {
                var value = CsvCells.read(cells.get(index));
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    /** Every value of the columns feeding these fields, in their order, each cell split where it holds several. */
    private List<Value> values(List<String> cells, List<String> fields, Pattern separators) {
        var values = new ArrayList<Value>();
        for (var field : fields) {
            for (int index : indexesOf.getOrDefault(field, List.of())) {
                if (index >= cells.size()) {
                    continue;
                }
                var value = CsvCells.read(cells.get(index));
                if (value == null) {
                    continue;
                }
                var column = header.get(index);
                if (separators == null) {
                    values.add(new Value(value, column));
                    continue;
                }
                if (!mayHoldSeveral(value, separators == EMAIL_SEPARATORS)) {
                    // what splitting would give: the one value, unless an earlier column had it
                    var text = CsvCells.read(value);
                    if (text != null && values.stream().noneMatch(v -> v.text().equalsIgnoreCase(text))) {
                        values.add(new Value(text, column));
                    }
                    continue;
                }
                for (var part : separators.split(value)) {
                    var text = CsvCells.read(part);
                    if (text != null && values.stream().noneMatch(v -> v.text().equalsIgnoreCase(text))) {
                        values.add(new Value(text, column));
                    }
                }
            }
        }
        return values;
    }

    /**
     * Whether a cell may hold several values: only then is it split with the separators' expression (most
     * cells hold one, and a regular expression per cell was a tenth of reading a row).
     */
    private static boolean mayHoldSeveral(String value, boolean email) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ';' || c == ',' || c == ':' || (email ? Character.isWhitespace(c) : c == '|' || c == '\n')) {
                return true;
            }
        }
        return false;
    }

    /**
     * A consent column's value; one that cannot be read is taken as "yes" (do not call, opted out) with a
     * warning, so nobody is called or mailed because a word was not understood.
     */
    private Boolean flag(List<String> cells, String field, List<FieldProblem> warnings) {
        var value = cell(cells, field);
        if (value == null) {
            return null;
        }
        var meaning = ImportValues.flag(value);
        if (meaning.isPresent()) {
            return meaning.get();
        }
        warnings.add(new FieldProblem(
                field, "'" + value + "' is not yes or no; taken as yes until someone checks (write true or false)"));
        return true;
    }
}
