package org.followthrough.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * An email as the outbox holds it, for people checking what went out and what waits; {@code
 * expiresAt} is when it stops being worth sending.
 */
public record OutboxEntry(
        UUID id,
        String messageId,
        String dedupeKey,
        UUID prospectId,
        String to,
        String subject,
        EmailStatus status,
        Instant dueAt,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant sentAt,
        boolean invitation,
        Instant expiresAt) {}
