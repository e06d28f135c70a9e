package org.followthrough.messaging;

import java.time.Instant;
import java.util.UUID;

/** A prospect asked, through an unsubscribe link or a one-click unsubscribe, to get no more email. */
public record EmailOptOutRequested(UUID prospectId, Instant at) {}
