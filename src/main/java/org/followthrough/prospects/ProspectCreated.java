package org.followthrough.prospects;

import java.util.UUID;

/** A new prospect was added by hand, by API or by a signal (imports announce themselves in bulk). */
public record ProspectCreated(UUID prospectId, UUID ownerId, String source) {}
