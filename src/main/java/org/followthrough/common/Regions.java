package org.followthrough.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A region within a country, as ISO 3166-2 names it ({@code US-AK}, {@code AU-WA}, {@code CA-NL}),
 * read the way people and libphonenumber's geocoder write it: the code, the code's part after the
 * country ({@code AK} for a prospect in the US) or the region's English name ("Alaska"). The codes and
 * names are kept in {@code places/regions.tsv} with their source.
 */
public final class Regions {

    /** The longest ISO 3166-2 code, {@code XX-XXX}: what a stored region is guaranteed to fit in. */
    public static final int MAX_LENGTH = 6;

    private static final Map<String, String> NAMES = new HashMap<>();
    private static final Map<String, String> BY_NAME = new HashMap<>();
    // before the names are loaded: loading keys them
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

    static {
        load();
    }

    private Regions() {}

    /** The ISO 3166-2 code of the region the text names, in {@code country} when it is known. */
    public static Optional<String> parse(String text, String country) {
        if (text == null || text.isBlank() || text.length() > 100) {
            return Optional.empty();
        }
        var trimmed = text.strip();
        var upper = trimmed.toUpperCase(Locale.ROOT);
        if (NAMES.containsKey(upper) && (country == null || upper.startsWith(country + "-"))) {
            return Optional.of(upper);
        }
        if (country == null) {
            return Optional.empty();
        }
        if (NAMES.containsKey(country + "-" + upper)) {
            return Optional.of(country + "-" + upper);
        }
        return Optional.ofNullable(BY_NAME.get(country + ":" + key(trimmed)));
    }

    /** The region's English name ({@code US-AK} gives "Alaska"), or the code itself when unknown. */
    public static String name(String code) {
        return code == null ? null : NAMES.getOrDefault(code, code);
    }

    /** The country (ISO 3166 alpha-2) a region code belongs to. */
    public static String countryOf(String code) {
        return code.substring(0, 2);
    }

    public static String hint(String country) {
        return "use an ISO 3166-2 code such as " + (country == null ? "US-AK or AU-WA" : example(country))
                + ", or the region's English name";
    }

    private static String example(String country) {
        return NAMES.keySet().stream()
                .filter(code -> code.startsWith(country + "-"))
                .sorted()
                .findFirst()
                .orElse("US-AK");
    }

    /** A name without accents, case, spaces or punctuation; with no regular expression for plain ASCII. */
    private static String key(String name) {
        var plain = name;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0x7f) {
                plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
                        .replaceAll("");
                break;
            }
        }
        var key = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = Character.toLowerCase(plain.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static void load() {
        var stream = Regions.class.getResourceAsStream("/places/regions.tsv");
        if (stream == null) {
            throw new IllegalStateException("places/regions.tsv is missing from the classpath");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var columns = line.split("\t");
                NAMES.put(columns[0], columns[1]);
                // a name two regions share (rare, between levels) names neither
                BY_NAME.merge(countryOf(columns[0]) + ":" + key(columns[1]), columns[0], (a, b) -> "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BY_NAME.values().removeIf(String::isEmpty);
    }
}
