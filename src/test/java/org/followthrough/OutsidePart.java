package org.followthrough;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * For tests that need something outside the JVM (a browser, PostgreSQL). Where it is missing the
 * test skips itself and says why, except in CI (FOLLOWTHROUGH_REQUIRE_ALL=true) where it fails.
 */
public final class OutsidePart {

    private OutsidePart() {}

    public static void require(boolean available, String what) {
        if (available) {
            return;
        }
        var message = what + " is not available here, so this test cannot run";
        if ("true".equalsIgnoreCase(System.getenv("FOLLOWTHROUGH_REQUIRE_ALL"))) {
            fail(message + " (FOLLOWTHROUGH_REQUIRE_ALL=true: nothing may skip)");
        }
        Assumptions.abort(message + "; skipping.");
    }
}
