package org.followthrough.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import java.util.List;
import java.util.Locale;

/**
 * Recognises answers nobody wrote: out-of-office notes and other automatic replies (RFC 3834's
 * Auto-Submitted, the X-Autoreply family, Precedence auto_reply, bulk or junk, Exchange's
 * X-Auto-Response-Suppress, and the usual subjects). They stop no cadence.
 */
final class AutoReplies {

    private static final List<String> SUBJECT_STARTS =
            List.of("automatic reply", "auto reply", "auto-reply", "autoreply", "auto:", "out of office");
    private static final List<String> PRECEDENCES = List.of("auto_reply", "bulk", "junk");
    private static final List<String> FLAG_HEADERS =
            List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Auto-Response-Suppress");

    private AutoReplies() {}

    static boolean isAutomatic(Part message, String subject) throws MessagingException {
        var submitted = first(message, "Auto-Submitted");
        if (submitted != null && !submitted.strip().equalsIgnoreCase("no")) {
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
        return SUBJECT_STARTS.stream().anyMatch(s::startsWith) || s.contains("out of office");
    }

    private static String first(Part message, String name) throws MessagingException {
        var values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }
}
