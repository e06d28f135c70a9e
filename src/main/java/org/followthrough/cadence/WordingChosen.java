package org.followthrough.cadence;

import java.time.Instant;
import java.util.UUID;

/**
 * A prospect was given one of a step's variants: the email planned in that wording ({@code emailId},
 * due at {@code at}), or the call whose voicemail it is (due at {@code at}). Published in the
 * transaction that plans the step, so the numbers count every variant given and nothing else.
 */
public record WordingChosen(
        UUID prospectId,
        UUID ownerId,
        String cadenceKey,
        int stepN,
        Channel channel,
        String variant,
        String template,
        UUID emailId,
        Instant at) {}
