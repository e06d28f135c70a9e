package org.followthrough.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import java.util.List;
import java.util.Locale;

/**
 * Recognises answers nobody wrote: out-of-office notes and other automatic replies. They stop no
 * cadence. What marks one: RFC 3834's {@code Auto-Submitted} (anything but "no"), the X-Autoreply
 * family, {@code Precedence: auto_reply, bulk or junk}, or a subject that starts the way mail
 * programs start theirs ("Automatic reply:", "Out of Office:", "Abwesenheitsnotiz:"). A subject that
 * merely mentions being out of office, or Exchange's {@code X-Auto-Response-Suppress} (which asks
 * others not to answer automatically and is on many messages people write), marks nothing.
 */
final class AutoReplies {

    /** How mail programs begin the subject of an automatic reply, lower-cased. */
    private static final List<String> SUBJECT_STARTS = List.of(
            "automatic reply:",
            "auto reply:",
            "auto-reply:",
            "autoreply:",
            "auto:",
            "out of office:",
            "out of office reply:",
            "out of the office:",
            "abwesenheitsnotiz",
            "automatische antwort:",
            "réponse automatique",
            "respuesta automática:",
            "risposta automatica:");

    /** Whole subjects some programs send with nothing after them. */
    private static final List<String> WHOLE_SUBJECTS =
            List.of("out of office", "automatic reply", "autoreply", "auto reply");

    private static final List<String> PRECEDENCES = List.of("auto_reply", "bulk", "junk");
    private static final List<String> FLAG_HEADERS = List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder");

    private AutoReplies() {}

    static boolean isAutomatic(Part message, String subject) throws MessagingException {
        var submitted = first(message, "Auto-Submitted");
        if (submitted != null && !submitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        for (var header : FLAG_HEADERS) {
            if (first(message, header) != null) {
                return true;
            }
        }
        var precedence = first(message, "Precedence");
        if (precedence != null && PRECEDENCES.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        var s = subject == null ? "" : subject.strip().toLowerCase(Locale.ROOT);
        return SUBJECT_STARTS.stream().anyMatch(s::startsWith) || WHOLE_SUBJECTS.contains(s);
    }

    private static String first(Part message, String name) throws MessagingException {
        var values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }
}
