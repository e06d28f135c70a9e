package org.followthrough.team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks an email and password for the sign-in form and for HTTP Basic, applying the
 * {@link SignInThrottle}. Unknown emails cost as much time as known ones so they cannot be probed.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    static final String WRONG = "Email or password is wrong.";

    private final Members members;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final SignInThrottle throttle = SignInThrottle.DEFAULT;
    private final String unknownMemberHash;

    PasswordSignIn(Members members, PasswordEncoder encoder, Clock clock) {
        this.members = members;
        this.encoder = encoder;
        this.clock = clock;
        this.unknownMemberHash = encoder.encode("no member has this password, it only spends time");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var email = authentication.getName();
        var password = String.valueOf(authentication.getCredentials());
        var found = members.credentialsByEmail(email);
        if (found.isEmpty()) {
            encoder.matches(password, unknownMemberHash);
            throw new BadCredentialsException(WRONG);
        }
        var credentials = found.get();
        var now = clock.instant();
        throttle.blockedUntil(credentials.failedSignIns(), credentials.lastFailedAt(), credentials.lockedUntil(), now)
                .ifPresent(until -> {
                    throw new LockedException(blockedMessage(credentials.lockedUntil() != null, now, until));
                });
        if (!encoder.matches(password, credentials.passwordHash())) {
            var after = throttle.fail(credentials.failedSignIns(), credentials.lockedUntil(), now);
            members.recordFailedSignIn(credentials.member().id(), after.failures(), now, after.lockedUntil());
            throw new BadCredentialsException(WRONG);
        }
        if (!credentials.member().active()) {
            throw new DisabledException("This account has been deactivated; ask an administrator.");
        }
        members.recordSuccessfulSignIn(credentials.member().id());
        var details = new MemberDetails(credentials.member().asActor());
        return UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String blockedMessage(boolean locked, Instant now, Instant until) {
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        var wait = seconds >= 120 ? (seconds + 59) / 60 + " minutes" : seconds + " seconds";
        return locked
                ? "Too many failed sign-ins: this account is locked; try again in " + wait + "."
                : "Too many failed sign-ins: wait " + wait + " before trying again.";
    }
}
