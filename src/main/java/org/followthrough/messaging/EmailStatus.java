package org.followthrough.messaging;

/** Where an email in the outbox stands. */
public enum EmailStatus {
    /** Waiting until due, or for SMTP to be configured, or for its next retry. */
    PENDING,
    /** A draft a rep approves before it goes out (a cadence step marked for review); never sent until they do. */
    REVIEW,
    /** Handed to the sender; back to PENDING if that sender died. */
    SENDING,
    SENT,
    /** Not sent because a {@link SendPermission} refused it at send time. */
    SKIPPED,
    /** Given up after repeated failures or a permanent refusal by the mail server. */
    FAILED,
    CANCELLED,
    /** Not sent because it would have arrived too late: a reminder after its appointment. */
    EXPIRED
}
