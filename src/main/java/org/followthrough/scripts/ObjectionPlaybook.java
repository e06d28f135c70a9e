package org.followthrough.scripts;

import java.time.Instant;
import org.followthrough.common.Nullable;

/**
 * How to handle one category of objection, in the four LAER steps: listen, acknowledge, explore,
 * respond. {@code updatedBy} is null while it is the shipped default.
 */
public record ObjectionPlaybook(
        ObjectionCategory category,
        String listen,
        String acknowledge,
        String explore,
        String respond,
        @Nullable Instant updatedAt,
        @Nullable String updatedBy) {}
