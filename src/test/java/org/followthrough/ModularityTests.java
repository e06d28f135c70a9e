package org.followthrough;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The modules keep to their boundaries: no cycles, and only each module's public face is used. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(FollowThroughApplication.class).verify();
    }
}
