package org.followthrough.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for text a person or a file sends. Refused, never altered: NUL and the other control
 * characters (C0, DEL, C1), which nobody types on purpose and PostgreSQL refuses outright; the
 * bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make a name display in
 * another order than it was typed (the "Trojan Source" trick, CVE-2021-42574); and halves of characters
 * (unpaired surrogates), which no database stores. A single line (names, emails, phones, titles, the
 * default) refuses tabs and line breaks too; multi-line text (notes, agendas, template bodies, marked
 * {@link MultiLine}) keeps tab, line feed and carriage return.
 *
 * <p>API bodies are checked as they are read ({@code RequestText}), forms as they are bound
 * ({@code web.FormText}), import files cell by cell; every refusal names the field, or the row and column.
 */
public final class PlainText {

    /** How many lines a field holds. */
    public enum Lines {
        ONE,
        MANY
    }

    /** Marks a request field, record component or form field that holds text over several lines. */
    @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface MultiLine {}

    public static final String CONTROL_CHARACTER =
            "contains a control character (such as NUL) that cannot be stored; remove it and send the text again";

    private PlainText() {}

    /** What is wrong with the text for a field of this kind, phrased as what to fix; empty when nothing. */
    public static Optional<String> problem(String text, Lines lines) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < '\u007F') {
                continue; // printable ASCII, most of any text: none of the checks below can refuse it
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("contains half of a character (" + codePoint(c) + ") at position " + (i + 1)
                        + ", which cannot be stored; send the text as valid Unicode");
            }
            if (isBidiControl(c)) {
                return Optional.of("contains " + codePoint(c) + " at position " + (i + 1)
                        + ", a bidirectional control that makes the text display in another order than it was"
                        + " typed; remove it and send the text again");
            }
            boolean lineBreakOrTab = c == '\t' || c == '\n' || c == '\r';
            if (lineBreakOrTab || c == '\u2028' || c == '\u2029') {
                if (lines == Lines.ONE) {
                    return Optional.of("must be a single line: remove the " + (c == '\t' ? "tab" : "line break") + " ("
                            + codePoint(c) + ") at position " + (i + 1) + " and send the text again");
                }
                continue;
            }
            if (Character.isISOControl(c)) {
                return Optional.of("contains a control character (" + codePoint(c) + ") at position " + (i + 1)
                        + " that cannot be stored; remove it and send the text again");
            }
        }
        return Optional.empty();
    }

    /** Whether the text breaks even the multi-line rule (control characters, bidirectional controls). */
    public static boolean hasControlCharacters(String text) {
        return problem(text, Lines.MANY).isPresent();
    }

    /** Adds a problem for each named single-line value the rule refuses; whether there was any. */
    public static boolean refuseControlCharacters(InvalidInput.Collector problems, String... namesAndValues) {
        boolean found = false;
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            var problem = problem(namesAndValues[i + 1], Lines.ONE);
            if (problem.isPresent()) {
                problems.add(namesAndValues[i], problem.get());
                found = true;
            }
        }
        return found;
    }

    /** Throws {@link InvalidInput} naming the field when the text breaks the rule for its kind. */
    public static String checked(String field, String text, Lines lines) {
        problem(text, lines).ifPresent(p -> {
            throw InvalidInput.of(field, p);
        });
        return text;
    }

    /** The reader, holding every text it reads to the rule: for API bodies read by hand, not by converters. */
    public static tools.jackson.databind.ObjectReader checking(tools.jackson.databind.ObjectReader reader) {
        return RequestText.sent(reader);
    }

    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
