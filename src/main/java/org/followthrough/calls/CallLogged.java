package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;
import org.followthrough.cadence.CallOutcome;

/** A rep logged a call. */
public record CallLogged(UUID touchId, UUID prospectId, UUID memberId, CallOutcome outcome, String label, Instant at) {}
