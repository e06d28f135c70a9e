package org.followthrough.common;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a country the way people and CRM exports write it: an ISO 3166 code ({@code US}, {@code USA})
 * or a name in English or the country's own language ("United States", "Deutschland", "Côte d'Ivoire").
 */
public final class Countries {

    /**
     * ISO 3166-1's countries, and the three places with phone plans of their own that it only reserves
     * (Ascension AC, Tristan da Cunha TA) or leaves to common use (Kosovo XK): libphonenumber reads their
     * numbers against them, so a prospect there can be given their country.
     */
    private static final Set<String> CODES = codes();

    private static final Map<String, String> BY_NAME = names();
    /** Files repeat the same few spellings a million times; each is worked out once. */
    private static final Map<String, Optional<String>> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    private Countries() {}

    /** The ISO 3166 alpha-2 code, or empty when the text names no country. */
    public static Optional<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (text.length() > 60) {
            return Optional.empty();
        }
        var known = SEEN.get(text);
        if (known != null) {
            return known;
        }
        var parsed = lookUp(text);
        if (SEEN.size() < 10_000) {
            SEEN.put(text, parsed);
        }
        return parsed;
    }

    private static Optional<String> lookUp(String text) {
        var trimmed = text.trim();
        var upper = trimmed.toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && CODES.contains(upper)) {
            return Optional.of(upper);
        }
        if (upper.equals("UK")) {
            return Optional.of("GB");
        }
        return Optional.ofNullable(BY_NAME.get(key(trimmed)));
    }

    private static Set<String> codes() {
        var codes = new java.util.HashSet<>(Set.of(Locale.getISOCountries()));
        codes.addAll(Set.of("AC", "TA", "XK"));
        return Set.copyOf(codes);
    }

    public static String hint() {
        return "use an ISO 3166 country code such as US, DE or GB, or the country's name";
    }

    private static Map<String, String> names() {
        var names = new HashMap<String, String>();
        for (var code : Locale.getISOCountries()) {
            var locale = new Locale.Builder().setRegion(code).build();
            names.put(key(locale.getDisplayCountry(Locale.ENGLISH)), code);
            names.put(key(locale.getISO3Country()), code);
            for (var language : Locale.getAvailableLocales()) {
                if (code.equals(language.getCountry())) {
                    names.putIfAbsent(key(locale.getDisplayCountry(language)), code);
                }
            }
        }
        Map.of(
                        "US", new String[] {"usa", "america", "unitedstatesofamerica", "us of a"},
                        "GB",
                                new String[] {
                                    "greatbritain", "britain", "england", "scotland", "wales", "northernireland"
                                },
                        "NL", new String[] {"holland", "thenetherlands"},
                        "KR", new String[] {"korea", "republicofkorea", "korearepublicof"},
                        "RU", new String[] {"russianfederation"},
                        "CZ", new String[] {"czechrepublic"},
                        "AE", new String[] {"uae"},
                        "CI", new String[] {"ivorycoast"})
                .forEach((code, aliases) -> {
                    for (var alias : aliases) {
                        names.put(key(alias), code);
                    }
                });
        return Map.copyOf(names);
    }

    private static String key(String name) {
        var plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
