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

/** Turns an outbox row into a MIME message: fixed Message-ID, rep as name and reply-to, invitation. */
@Component
class MailComposer {

    private final MailSettings settings;
    private final UnsubscribeLinks links;

    MailComposer(MailSettings settings, UnsubscribeLinks links) {
        this.settings = settings;
        this.links = links;
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
            Instant expiresAt) {}

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
            message.setHeader("List-Unsubscribe", "<" + links.oneClick(email.prospectId()) + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (email.ics() == null) {
            message.setText(email.body(), "UTF-8");
        } else {
            message.setContent(withInvitation(email));
        }
        message.saveChanges();
        return message;
    }

    private static MimeMultipart withInvitation(Pending email) throws MessagingException {
        var text = new MimeBodyPart();
        text.setText(email.body(), "UTF-8");
        var calendar = new MimeBodyPart();
        calendar.setContent(email.ics(), "text/calendar; charset=UTF-8; method=" + email.icsMethod());
        return new MimeMultipart("alternative", text, calendar);
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
