package org.followthrough.messaging;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads what matters of a received message: who, about what, answering which of our messages. */
final class MailboxMessages {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final int EXCERPT = 500;

    private MailboxMessages() {}

    /** {@code fallbackId} names a message that carries no Message-ID (folder, UIDVALIDITY and UID). */
    static InboundEmails.Inbound read(Message m, String fallbackId) throws MessagingException {
        var ids = m.getHeader("Message-ID");
        var messageId = ids == null || ids.length == 0 || ids[0].isBlank() ? "<" + fallbackId + ">" : ids[0].strip();
        var subject = m.getSubject();
        var answers = new ArrayList<String>();
        answers.addAll(ids(m, "In-Reply-To"));
        answers.addAll(ids(m, "References"));
        var received = m.getReceivedDate() != null ? m.getReceivedDate() : m.getSentDate();
        var report = DeliveryReports.read(m).orElse(null);
        return new InboundEmails.Inbound(
                messageId,
                address(m),
                subject,
                excerpt(m),
                List.copyOf(answers),
                report != null || AutoReplies.isAutomatic(m, subject),
                received == null ? null : received.toInstant(),
                report);
    }

    private static String address(Message message) throws MessagingException {
        var from = message.getFrom();
        return from == null || from.length == 0 || !(from[0] instanceof InternetAddress a)
                ? null
                : a.getAddress().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> ids(Message m, String header) throws MessagingException {
        var values = m.getHeader(header);
        var found = new ArrayList<String>();
        if (values != null) {
            for (var value : values) {
                var matcher = MESSAGE_ID.matcher(value);
                while (matcher.find()) {
                    found.add(matcher.group());
                }
            }
        }
        return found;
    }

    /** The first lines the person wrote, without the quoted message below them. */
    static String excerpt(Part part) {
        try {
            var text = plainText(part);
            if (text == null) {
                return null;
            }
            var own = new StringBuilder();
            for (var line : text.split("\\R")) {
                if (line.startsWith(">") || line.matches("(?i)^on .+ wrote:\\s*$")) {
                    break;
                }
                own.append(line).append('\n');
            }
            var clean = own.toString().strip().replaceAll("\\s+", " ");
            return clean.length() > EXCERPT ? clean.substring(0, EXCERPT - 3) + "..." : clean;
        } catch (MessagingException | IOException unreadable) {
            return null;
        }
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                var text = plainText(child);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
