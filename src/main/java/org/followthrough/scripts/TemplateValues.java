package org.followthrough.scripts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the values a caller gives ({@code "prospect.firstName" -> "Debbie"} or {@code "prospect" ->
 * Map.of("firstName", "Debbie")}) into the nested maps a template walks, with lists made readable.
 * A null, blank or empty value is left out, so the template sees it as missing: a section on it
 * renders nothing and a variable outside such a section is reported.
 */
final class TemplateValues {

    private TemplateValues() {}

    static Map<String, Object> nest(Map<String, ?> values) {
        var root = new LinkedHashMap<String, Object>();
        values.forEach((name, value) -> put(root, name, value));
        return root;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> into, String name, Object value) {
        if (isEmpty(value)) {
            return;
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            var inner = into.get(name.substring(0, dot));
            if (!(inner instanceof Map)) {
                inner = new LinkedHashMap<String, Object>();
                into.put(name.substring(0, dot), inner);
            }
            put((Map<String, Object>) inner, name.substring(dot + 1), value);
            return;
        }
        if (value instanceof Map<?, ?> map) {
            var inner = into.get(name) instanceof Map<?, ?> existing
                    ? (Map<String, Object>) existing
                    : new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> put(inner, String.valueOf(k), v));
            into.put(name, inner);
        } else if (value instanceof Collection<?> items) {
            var phrases = items.stream()
                    .filter(item -> !isEmpty(item))
                    .map(String::valueOf)
                    .toList();
            if (!phrases.isEmpty()) {
                into.put(name, new Phrases(phrases));
            }
        } else {
            into.put(name, value);
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof CharSequence text && text.toString().isBlank())
                || (value instanceof Collection<?> items && items.isEmpty());
    }

    /** A list that reads as "a, b and c" where it stands in a sentence. */
    record Phrases(List<String> items) implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return items.iterator();
        }

        @Override
        public String toString() {
            return Sentences.join(items);
        }
    }
}
