package org.followthrough.team;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins one source address (over every account it tries) gets before it must wait,
 * and before it is locked out for {@code perSourceLockFor}: 10 free, a lock at the 30th for an hour.
 * The per-account limit is fixed ({@link SignInThrottle#DEFAULT}); a source's can be raised where many
 * members share one address and no proxy tells them apart.
 */
@ConfigurationProperties("followthrough.security.sign-in")
record SignInLimits(
        @DefaultValue("10") int perSourceFreeFailures,
        @DefaultValue("30") int perSourceLockAfter,
        @DefaultValue("1h") Duration perSourceLockFor) {

    SignInThrottle perSource() {
        return new SignInThrottle(perSourceFreeFailures, perSourceLockAfter, perSourceLockFor);
    }
}
