package org.followthrough.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone opened an email FollowThrough sent (its HTML version loaded the tracking image). {@code emailId}
 * is the outbox row, {@code address} the recipient it went to. Opening it again is the same fact.
 */
public record EmailOpened(UUID emailId, UUID prospectId, String address, Instant at) {}
