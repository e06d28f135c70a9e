package org.followthrough.prospects;

import java.util.List;

/**
 * Many prospects changed in one transaction (a bulk action's page): each change as {@link ProspectChanged}
 * would announce it alone. One event for the lot, so a listener that runs after the commit runs once for
 * the page, and must still see every prospect of it.
 */
public record ProspectsChanged(List<ProspectChanged> changes) {

    public ProspectsChanged {
        changes = List.copyOf(changes);
    }
}
