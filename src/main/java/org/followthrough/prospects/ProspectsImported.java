package org.followthrough.prospects;

import java.util.UUID;

/** An import finished; the prospects it created carry its id. */
public record ProspectsImported(UUID importId, long created, long updated) {}
