package org.followthrough.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An automatic reply (out of office) came, read from the replies mailbox; it is no answer and stops
 * nothing. {@code returnsOn} is the day it says its writer is back, when it says one (else null);
 * {@code prospectId} is set when it answers one of our emails, otherwise the receiver matches
 * {@code fromAddress}.
 */
public record AutoReplyReceived(
        String messageId, String fromAddress, UUID prospectId, LocalDate returnsOn, Instant receivedAt) {}
