package org.followthrough.web;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Readable words for codes pages would otherwise show raw: {@code ${@words.of(outcome)}} turns
 * NO_ANSWER into "No answer"; {@code purpose} drops the task kind the engine writes before a planned
 * call's reason ("FIRST_TIME_CALL: First-time calls: call 2 of 6").
 */
@Component("words")
public class Words {

    private static final Pattern KIND_PREFIX = Pattern.compile("^[A-Z][A-Z_]+: ");

    public String of(Object code) {
        if (code == null) {
            return "";
        }
        var text = code.toString().replace('_', ' ').toLowerCase(Locale.ROOT);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public String purpose(String purpose) {
        return purpose == null ? "" : KIND_PREFIX.matcher(purpose).replaceFirst("");
    }
}
