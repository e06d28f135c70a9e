package org.followthrough.scripts;

import java.util.List;

/** Small pieces of spoken English the scripts are built from. */
final class Sentences {

    private Sentences() {}

    /** "a", "a and b", "a, b and c". */
    static String join(List<String> items) {
        var clean = items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (clean.isEmpty()) {
            return "";
        }
        if (clean.size() == 1) {
            return clean.get(0);
        }
        return String.join(", ", clean.subList(0, clean.size() - 1)) + " and " + clean.get(clean.size() - 1);
    }

    /** The first word of a full name: what a rep says on the phone. */
    static String firstName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "";
        }
        return fullName.strip().split("\\s+")[0];
    }

    /** Drops a trailing full stop so a phrase can sit inside a sentence. */
    static String phrase(String text) {
        var t = text == null ? "" : text.strip();
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
