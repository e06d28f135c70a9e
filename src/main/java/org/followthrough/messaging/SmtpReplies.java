package org.followthrough.messaging;

import jakarta.mail.MessagingException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what an SMTP server answered when it refused an email (RFC 5321 §4.2.1): a 4xx reply is a
 * temporary failure (mailbox busy, greylisting, storage full) worth trying again; a 5xx reply is
 * permanent. The code is taken from the mail library's exception ({@code getReturnCode()}) or, failing
 * that, from the reply text it carries.
 */
final class SmtpReplies {

    private static final Pattern CODE = Pattern.compile("^\\s*([2-5])\\d\\d\\b");

    private SmtpReplies() {}

    private static final Pattern ENHANCED = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

    /** The enhanced status code (RFC 3463) in what the server said, "5.1.1"; else "5.0.0". */
    static String status(String said) {
        var m = said == null ? null : ENHANCED.matcher(said);
        return m != null && m.find() ? m.group(1) : "5.0.0";
    }

    /** Whether the refusal says to try again later. */
    static boolean isTemporary(MessagingException refusal) {
        return code(refusal).map(c -> c >= 400 && c < 500).orElse(false);
    }

    /** What the server said, from the exception and those it wraps: "Invalid Addresses; 451 4.7.1 Greylisted". */
    static String describe(Exception refusal) {
        var parts = new java.util.LinkedHashSet<String>();
        Throwable e = refusal;
        for (int depth = 0; e != null && depth < 10; depth++) {
            if (e.getMessage() != null && !e.getMessage().isBlank()) {
                parts.add(e.getMessage().strip());
            }
            e = next(e);
        }
        return String.join("; ", parts);
    }

    private static Throwable next(Throwable e) {
        return e instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : e.getCause();
    }

    /** The first SMTP reply code among the exception and those it wraps. */
    static Optional<Integer> code(Exception refusal) {
        Throwable e = refusal;
        for (int depth = 0; e != null && depth < 10; depth++) {
            var code = returnCode(e);
            if (code.isPresent()) {
                return code;
            }
            e = next(e);
        }
        return Optional.empty();
    }

    private static Optional<Integer> returnCode(Throwable e) {
        try {
            // Angus Mail's SMTPSendFailedException, SMTPAddressFailedException and SMTPSenderFailedException
            var code = (int) e.getClass().getMethod("getReturnCode").invoke(e);
            if (code >= 200 && code < 600) {
                return Optional.of(code);
            }
        } catch (ReflectiveOperationException | ClassCastException notAnSmtpReply) {
            // fall back to the reply text below
        }
        var text = e.getMessage();
        var m = text == null ? null : CODE.matcher(text);
        return m != null && m.find() ? Optional.of(Integer.parseInt(text.strip().substring(0, 3))) : Optional.empty();
    }
}
