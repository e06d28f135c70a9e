package org.followthrough.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * An email that went out in its built-in default wording because the team's template could not be
 * filled in, and why: what a manager fixes (the template, or a missing value such as the rep's
 * phone). {@code emailId} and {@code status} are the email's in the outbox, if it is still there.
 */
public record DefaultWording(
        UUID id,
        UUID prospectId,
        String dedupeKey,
        UUID emailId,
        EmailStatus status,
        String template,
        String reason,
        Instant at) {}
