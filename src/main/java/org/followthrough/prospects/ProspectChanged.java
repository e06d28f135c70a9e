package org.followthrough.prospects;

import java.util.Set;
import java.util.UUID;

/** Fields of a prospect changed; {@code fields} names them as the API does (owner, doNotCall, ...). */
public record ProspectChanged(UUID prospectId, Set<String> fields) {

    public boolean changed(String field) {
        return fields.contains(field);
    }
}
