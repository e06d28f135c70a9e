package org.followthrough.calls;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How warm each prospect is now (R22), as the module that reads the outside interest scores it: the
 * queue orders calls due together by it and the prospect list filters on it. Without such a module
 * every prospect scores zero.
 */
public interface Intent {

    /** Prospects scoring at least a minimum, and whether that is all of them or the most recent candidates. */
    record AtLeast(Set<UUID> prospectIds, boolean complete) {}

    /** The score of each of these prospects now; a prospect without one scores zero. */
    Map<UUID, Integer> scores(Collection<UUID> prospectIds);

    AtLeast atLeast(int min);

    /** No outside interest is scored: everybody scores zero. */
    Intent NONE = new Intent() {
        @Override
        public Map<UUID, Integer> scores(Collection<UUID> prospectIds) {
            return Map.of();
        }

        @Override
        public AtLeast atLeast(int min) {
            return new AtLeast(Set.of(), true);
        }
    };
}
