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
 * {@code perDay} is how many automated emails the prospect may get on one of their days when this
 * one leaves (its cadence's allowance), null for the installation's cap.
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
        Instant expiresAt,
        Integer perDay) {

    /** An email that expires when it says, held to the installation's per-prospect daily cap. */
    public OutgoingEmail(
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
        this(dedupeKey, prospectId, to, rep, subject, text, dueAt, bulk, invitation, expiresAt, null);
    }

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
        this(dedupeKey, prospectId, to, rep, subject, text, dueAt, bulk, invitation, null, null);
    }

    /** The same email, no longer worth sending from {@code at}. */
    public OutgoingEmail expiringAt(Instant at) {
        return new OutgoingEmail(dedupeKey, prospectId, to, rep, subject, text, dueAt, bulk, invitation, at, perDay);
    }

    /**
     * The same email, an automated one the prospect may get {@code n} of on one of their days (its
     * cadence says so); without it, {@code followthrough.mail.send-window.per-prospect-per-day}.
     */
    public OutgoingEmail perDay(int n) {
        return new OutgoingEmail(dedupeKey, prospectId, to, rep, subject, text, dueAt, bulk, invitation, expiresAt, n);
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
        if (perDay != null && perDay < 1) {
            throw new IllegalArgumentException("perDay must be at least 1");
        }
    }
}
