package org.followthrough.messaging;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a delivery status notification (RFC 3464): a {@code multipart/report;
 * report-type=delivery-status} whose {@code message/delivery-status} part holds one group of fields
 * about the message, then one group per recipient ({@code Final-Recipient}, {@code Action}, {@code
 * Status}, {@code Diagnostic-Code}); the returned message or its headers name the Message-ID it is
 * about.
 */
final class DeliveryReports {

    /** One recipient's fate: {@code status} is the RFC 3463 code ("5.1.1"), {@code action} "failed", "delayed" ... */
    record Recipient(String address, String action, String status, String diagnostic) {

        /** A permanent failure: the address will not take mail. */
        boolean hard() {
            return "failed".equals(action) && status.startsWith("5.");
        }

        /** A temporary failure the reporting server gave up on, or still retries ("delayed"). */
        boolean soft() {
            return status.startsWith("4.") && ("failed".equals(action) || "delayed".equals(action));
        }
    }

    /** The report: which of our messages it is about (null when it does not say) and each recipient. */
    record Report(String originalMessageId, List<Recipient> recipients) {}

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^<>\\s]+>)");
    private static final Pattern STATUS = Pattern.compile("^([245])\\.\\d{1,3}\\.\\d{1,3}");

    private DeliveryReports() {}

    /** The report a message carries, if it is a delivery status notification. */
    static Optional<Report> read(Message message) {
        try {
            if (!message.isMimeType("multipart/report") || !(message.getContent() instanceof Multipart parts)) {
                return Optional.empty();
            }
            List<Recipient> recipients = null;
            String original = null;
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("message/delivery-status")) {
                    recipients = recipients(raw(part));
                } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
                    var m = MESSAGE_ID.matcher(raw(part));
                    if (m.find()) {
                        original = m.group(1);
                    }
                }
            }
            return recipients == null || recipients.isEmpty()
                    ? Optional.empty()
                    : Optional.of(new Report(original, recipients));
        } catch (MessagingException | IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The per-recipient groups of a delivery-status body: the first group is about the message. */
    static List<Recipient> recipients(String body) {
        var groups = body.replace("\r\n", "\n").split("\n\\s*\n");
        var found = new ArrayList<Recipient>();
        for (int g = 1; g < groups.length; g++) {
            var fields = fields(groups[g]);
            var address = value(fields.get("final-recipient"));
            if (address == null) {
                address = value(fields.get("original-recipient"));
            }
            var status = fields.getOrDefault("status", "").strip();
            var matcher = STATUS.matcher(status);
            if (address == null || !matcher.find()) {
                continue;
            }
            found.add(new Recipient(
                    address.toLowerCase(Locale.ROOT),
                    fields.getOrDefault("action", "").strip().toLowerCase(Locale.ROOT),
                    matcher.group(),
                    Optional.ofNullable(value(fields.get("diagnostic-code"))).orElse(null)));
        }
        return found;
    }

    /** Header-like fields, continuation lines unfolded, names lower-cased. */
    private static Map<String, String> fields(String group) {
        var fields = new LinkedHashMap<String, String>();
        String last = null;
        for (var line : group.split("\n")) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                fields.put(last, fields.get(last) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                fields.put(last, line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    /** "rfc822; pat@example.com" → "pat@example.com". */
    private static String value(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        int semicolon = typed.indexOf(';');
        var value = (semicolon >= 0 ? typed.substring(semicolon + 1) : typed).strip();
        return value.isEmpty() ? null : value;
    }

    private static String raw(Part part) throws MessagingException, IOException {
        try (var in = part.getInputStream()) {
            return new String(in.readNBytes(200_000), StandardCharsets.UTF_8);
        }
    }
}
