package org.followthrough.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone answered by email (R21), read from the replies mailbox. {@code prospectId} is set when the
 * message answers one of our emails (In-Reply-To or References name its Message-ID); otherwise the
 * receiving module matches {@code fromAddress}. Out-of-office and other automatic replies are never
 * announced.
 */
public record ReplyReceived(
        String messageId, String fromAddress, String subject, String excerpt, UUID prospectId, Instant receivedAt) {}
