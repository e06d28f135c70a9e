package org.followthrough.messaging;

import java.util.Optional;
import java.util.UUID;

/**
 * A module's veto on sending, asked at send time (not only when the email was planned), so an
 * opt-out or an erasure that happened in between is respected.
 */
public interface SendPermission {

    /** Why this email must not go out, or empty when it may. {@code prospectId} may be null. */
    Optional<String> refusal(UUID prospectId, String address, boolean bulk);
}
