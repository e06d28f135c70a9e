package org.followthrough.prospects.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The column names of the exports FollowThrough knows, as data ({@code imports/column-names.tsv}): per
 * layout (HubSpot, Salesforce, Pipedrive, Close, ...) and language, which header carries which field,
 * and the public material each layout's names come from.
 */
public final class ColumnNames {

    /** Every field a column can fill; "-" is a column known to carry nothing FollowThrough uses. */
    public static final List<String> FIELDS = List.of(
            "fullName",
            "firstName",
            "lastName",
            "email",
            "otherEmail",
            "phone",
            "mobile",
            "otherPhone",
            "company",
            "title",
            "companyDomain",
            "industry",
            "country",
            "region",
            "timeZone",
            "decisionRole",
            "owner",
            "doNotCall",
            "emailOptOut",
            "doNotContact",
            "stage",
            "lastContacted",
            "sourceId");

    public static final String IGNORED = "-";

    public static final String ANY = "any";

    /** A layout: its id, the name people know it by, and where its column names come from. */
    public record Layout(String id, String name, String source) {}

    /** One header of a layout in a language and the field it carries. */
    public record Entry(String layout, String language, String header, String field) {}

    private final Map<String, Layout> layouts;
    /** By header key: the entries of every layout for it. */
    private final Map<String, List<Entry>> byKey;

    private ColumnNames(Map<String, Layout> layouts, Map<String, List<Entry>> byKey) {
        this.layouts = layouts;
        this.byKey = byKey;
    }

    public static ColumnNames standard() {
        return Standard.NAMES;
    }

    /** Loaded on first use, after this class's patterns. */
    private static final class Standard {
        static final ColumnNames NAMES = load("/imports/column-names.tsv");
    }

    public List<Layout> layouts() {
        return List.copyOf(layouts.values());
    }

    public Optional<Layout> layout(String id) {
        return Optional.ofNullable(layouts.get(id));
    }

    /** Every entry, for tests and the documentation. */
    public List<Entry> entries() {
        return byKey.values().stream().flatMap(List::stream).toList();
    }

    /** The layout whose names the header row matches most (two at least), else "any". */
    public String bestLayout(List<String> header) {
        var counts = new LinkedHashMap<String, Integer>();
        for (var name : header) {
            var entries = byKey.getOrDefault(key(name), List.of());
            entries.stream()
                    .map(Entry::layout)
                    .filter(l -> !l.equals(ANY))
                    .distinct()
                    .forEach(l -> counts.merge(l, 1, Integer::sum));
        }
        String best = ANY;
        int most = 1;
        // ties go to the layout listed first in the file: the order of layouts is the order of preference
        for (var layout : layouts.keySet()) {
            int count = counts.getOrDefault(layout, 0);
            if (count > most) {
                best = layout;
                most = count;
            }
        }
        return best;
    }

    /** The field a header carries in a layout: that layout's meaning, else the common one, else any layout's. */
    public Optional<String> fieldOf(String header, String layout) {
        var entries = byKey.getOrDefault(key(header), List.of());
        for (var preferred : List.of(layout, ANY)) {
            for (var e : entries) {
                if (e.layout().equals(preferred)) {
                    return Optional.of(e.field());
                }
            }
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0).field());
    }

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    /**
     * A header or value as compared: the same for "E-Mail", "e mail" and "EMAIL", "Prénom" and "prenom",
     * full-width and ordinary letters; letters of any script are kept, so "電話番号" stays itself.
     */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        var folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        folded =
                MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll("");
    }

    static ColumnNames load(String resource) {
        var layouts = new LinkedHashMap<String, Layout>();
        var byKey = new HashMap<String, List<Entry>>();
        var fields = Set.copyOf(FIELDS);
        try (var in = ColumnNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var cells = line.split("\t", -1);
                switch (cells[0]) {
                    case "layout" -> layouts.put(cells[1], new Layout(cells[1], cells[2], cells[3]));
                    case "column" -> {
                        var entry = new Entry(cells[1], cells[2], cells[3], cells[4]);
                        if (!layouts.containsKey(entry.layout())) {
                            throw new IllegalStateException(resource + " line " + n + ": unknown layout");
                        }
                        if (!entry.field().equals(IGNORED) && !fields.contains(entry.field())) {
                            throw new IllegalStateException(resource + " line " + n + ": unknown field");
                        }
                        var same = byKey.computeIfAbsent(key(entry.header()), k -> new ArrayList<>());
                        for (var other : same) {
                            if (other.layout().equals(entry.layout())
                                    && !other.field().equals(entry.field())) {
                                throw new IllegalStateException(resource + " line " + n + ": '" + entry.header()
                                        + "' already means " + other.field() + " in " + entry.layout());
                            }
                        }
                        same.add(entry);
                    }
                    default -> throw new IllegalStateException(resource + " line " + n + ": unknown kind");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ColumnNames(layouts, byKey);
    }
}
