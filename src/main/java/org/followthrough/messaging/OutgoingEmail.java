package org.followthrough.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An email a module wants sent. {@code dedupeKey} names the business reason ("appointment/<id>/
 * reminder"): asking twice for the same key changes nothing, so handlers that run again after a
 * crash stay harmless. {@code bulk} marks automated mail (every cadence step's email: first-time-call
 * emails, nurture, post-sale), which carries a visible unsubscribe link and the RFC 8058
 * List-Unsubscribe headers, and leaves only in the prospect's business hours within the daily caps;
 * one-to-one mail (thank-you, reminder, summary) goes when due and ends with an unsubscribe line.
 * Both carry the rep as sender name and reply-to. {@code expiresAt}
 * is when it is no longer worth sending (a reminder after its appointment); past it the email is
 * marked EXPIRED instead of going out late. Left out, an email expires {@code
 * followthrough.mail.expire-after} (12 hours) after it was due.
 */
public record OutgoingEmail(
        String dedupeKey,
        UUID prospectId,
        Recipient to,
        Recipient rep,
        String subject,
        String text,
        Instant dueAt,
        boolean bulk,
        Invitation invitation,
        Instant expiresAt) {

    /** An email that expires the default time after it was due. */
    public OutgoingEmail(
            String dedupeKey,
            UUID prospectId,
            Recipient to,
            Recipient rep,
            String subject,
            String text,
            Instant dueAt,
            boolean bulk,
            Invitation invitation) {
        this(dedupeKey, prospectId, to, rep, subject, text, dueAt, bulk, invitation, null);
    }

    /** The same email, no longer worth sending from {@code at}. */
    public OutgoingEmail expiringAt(Instant at) {
        return new OutgoingEmail(dedupeKey, prospectId, to, rep, subject, text, dueAt, bulk, invitation, at);
    }

    public OutgoingEmail {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(dueAt, "dueAt");
        if (dedupeKey.isBlank() || dedupeKey.length() > 200) {
            throw new IllegalArgumentException("dedupeKey must have 1 to 200 characters");
        }
    }
}
