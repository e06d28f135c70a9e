package org.followthrough.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A mail server said an email will not arrive: {@code hard} when the address does not exist (a DSN
 * with status 5.x.x, or a 5xx refusal at send time), after which nothing more is sent to it; a soft
 * bounce (4.x.x) is tried again on a schedule. {@code prospectId} is null for email to no prospect.
 */
public record EmailBounced(
        UUID prospectId, String address, boolean hard, String status, String diagnostic, Instant at) {}
