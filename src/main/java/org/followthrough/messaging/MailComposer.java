package org.followthrough.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns an outbox row into a MIME message: fixed Message-ID, rep as name and reply-to, invitation,
 * the RFC 8058 unsubscribe headers on automated mail, and a DKIM signature.
 */
@Component
class MailComposer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MailComposer.class);

    private final MailSettings settings;
    private final UnsubscribeLinks links;
    private final TrackedLinks tracked;
    private final DkimKeys dkim;

    MailComposer(MailSettings settings, UnsubscribeLinks links, TrackedLinks tracked, DkimKeys dkim) {
        this.settings = settings;
        this.links = links;
        this.tracked = tracked;
        this.dkim = dkim;
    }

    /** What the delivery needs of a row. */
    record Pending(
            UUID id,
            String messageId,
            String dedupeKey,
            UUID prospectId,
            String toName,
            String toAddress,
            String repName,
            String repAddress,
            String subject,
            String body,
            boolean bulk,
            String ics,
            String icsMethod,
            int attempts,
            Instant expiresAt,
            Integer perDay) {}

    MimeMessage compose(Session session, Pending email, Instant now) throws MessagingException {
        var message = new FixedIdMessage(session, email.messageId());
        try {
            var senderName = email.repName() == null ? "FollowThrough" : email.repName();
            message.setFrom(new InternetAddress(settings.from(), senderName, "UTF-8"));
            message.setRecipient(
                    MimeMessage.RecipientType.TO, new InternetAddress(email.toAddress(), email.toName(), "UTF-8"));
            if (email.repAddress() != null) {
                message.setReplyTo(
                        new InternetAddress[] {new InternetAddress(email.repAddress(), email.repName(), "UTF-8")});
            }
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
        message.setSubject(email.subject(), "UTF-8");
        message.setSentDate(Date.from(now));
        if (email.bulk() && email.prospectId() != null) {
            var mailto = links.mailto(email.prospectId());
            message.setHeader(
                    "List-Unsubscribe",
                    "<" + links.oneClick(email.prospectId()) + ">"
                            + mailto.map(m -> ", <" + m + ">").orElse(""));
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var opens = settings.trackOpens() && email.prospectId() != null;
        if (email.ics() == null && !opens) {
            message.setText(email.body(), "UTF-8");
        } else {
            message.setContent(alternatives(email, opens));
        }
        message.saveChanges();
        if (!dkim.signing()) {
            return message;
        }
        try {
            // signed as it is written to the server, over the headers and body exactly as they leave
            return new org.simplejavamail.utils.mail.dkim.DkimMessage(message, dkim.signer());
        } catch (RuntimeException unsignable) {
            log.warn("Email {} goes out without a DKIM signature: {}", email.messageId(), unsignable.getMessage());
            return message;
        }
    }

    /** The plain text first, then its HTML version with the open pixel, then the invitation. */
    private MimeMultipart alternatives(Pending email, boolean opens) throws MessagingException {
        var parts = new MimeMultipart("alternative");
        var text = new MimeBodyPart();
        text.setText(email.body(), "UTF-8");
        parts.addBodyPart(text);
        if (opens) {
            var html = new MimeBodyPart();
            html.setText(HtmlVersion.of(email.body(), tracked.openPixel(email.id())), "UTF-8", "html");
            parts.addBodyPart(html);
        }
        if (email.ics() != null) {
            var calendar = new MimeBodyPart();
            calendar.setContent(email.ics(), "text/calendar; charset=UTF-8; method=" + email.icsMethod());
            parts.addBodyPart(calendar);
        }
        return parts;
    }

    /** Keeps the Message-ID written into the outbox instead of making a new one on every save. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
