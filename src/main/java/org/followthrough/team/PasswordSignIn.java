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
 * {@link SignInThrottle}. An email no member has is answered exactly like one a member has: it costs
 * as much time, and its failures slow it down and lock it the same way, so the answers never tell which
 * emails exist.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    static final String WRONG = "Email or password is wrong.";

    private final Members members;
    private final SignInAttempts attempts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final SignInThrottle throttle = SignInThrottle.DEFAULT;
    private final String unknownMemberHash;

    PasswordSignIn(Members members, SignInAttempts attempts, PasswordEncoder encoder, Clock clock) {
        this.members = members;
        this.attempts = attempts;
        this.encoder = encoder;
        this.clock = clock;
        this.unknownMemberHash = encoder.encode("no member has this password, it only spends time");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var email = authentication.getName();
        var password = String.valueOf(authentication.getCredentials());
        var now = clock.instant();
        // counted as failed before the password is checked, so guesses sent side by side are each held back
        attempts.take(email, now, throttle).ifPresent(wait -> {
            throw new LockedException(blockedMessage(wait.locked(), now, wait.until()));
        });
        var found = members.credentialsByEmail(email);
        if (found.isEmpty()) {
            encoder.matches(password, unknownMemberHash);
            throw new BadCredentialsException(WRONG);
        }
        var credentials = found.get();
        if (!encoder.matches(password, credentials.passwordHash())) {
            throw new BadCredentialsException(WRONG);
        }
        attempts.succeeded(email);
        if (!credentials.member().active()) {
            throw new DisabledException("This account has been deactivated; ask an administrator.");
        }
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
