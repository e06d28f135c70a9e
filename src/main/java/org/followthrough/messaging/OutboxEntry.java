package org.followthrough.messaging;

import java.time.Instant;
import java.util.UUID;
import org.followthrough.common.Nullable;

/**
 * An email as the outbox holds it, for people checking what went out and what waits; {@code
 * expiresAt} is when it stops being worth sending.
 */
public record OutboxEntry(
        UUID id,
        String messageId,
        String dedupeKey,
        @Nullable UUID prospectId,
        String to,
        String subject,
        EmailStatus status,
        Instant dueAt,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable Instant sentAt,
        boolean invitation,
        @Nullable Instant expiresAt) {}
