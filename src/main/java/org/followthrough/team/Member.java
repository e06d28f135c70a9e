package org.followthrough.team;

import java.time.ZoneId;
import java.util.UUID;

/** A member of the team as other modules see them: never with a password. */
public record Member(UUID id, String email, String fullName, Role role, String phone, ZoneId timeZone, boolean active) {

    public Actor asActor() {
        return new Actor(id, email, fullName, role, timeZone);
    }
}
