package org.followthrough.common;

/**
 * Text as people type it. NUL and the other control characters (tab and line breaks aside) are never
 * typed on purpose, and PostgreSQL refuses NUL outright, so they are refused at the door with the field
 * named rather than failing deep in the database.
 */
public final class PlainText {

    public static final String CONTROL_CHARACTER =
            "contains a control character (such as NUL) that cannot be stored; remove it and send the text again";

    private PlainText() {}

    public static boolean hasControlCharacters(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** Adds a problem for each named value that holds a control character; whether there was any. */
    public static boolean refuseControlCharacters(InvalidInput.Collector problems, String... namesAndValues) {
        boolean found = false;
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (hasControlCharacters(namesAndValues[i + 1])) {
                problems.add(namesAndValues[i], CONTROL_CHARACTER);
                found = true;
            }
        }
        return found;
    }
}
