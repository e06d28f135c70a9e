package org.followthrough.calls;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How warm each prospect is now (R22), as the module that reads the outside interest scores it: the
 * queue orders calls due together by it. Without such a module every prospect scores zero.
 */
public interface Intent {

    /** The score of each of these prospects now; a prospect without one scores zero. */
    Map<UUID, Integer> scores(Collection<UUID> prospectIds);

    /** No outside interest is scored: everybody scores zero. */
    Intent NONE = prospectIds -> Map.of();
}
