package org.followthrough.team;

import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * The signed-in member on whose behalf a request runs. Controllers receive it as a parameter; every
 * read and change of a prospect is checked against it.
 */
public record Actor(UUID id, String email, String fullName, Role role, ZoneId timeZone) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    public boolean seesWholeTeam() {
        return role.seesWholeTeam();
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this member may see a record owned by {@code ownerId}. */
    public boolean maySee(UUID ownerId) {
        return seesWholeTeam() || id.equals(ownerId);
    }
}
