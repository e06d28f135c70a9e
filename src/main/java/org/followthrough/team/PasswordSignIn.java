package org.followthrough.team;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks an email and password for the sign-in form and for HTTP Basic, applying the
 * {@link SignInThrottle}s. An email no member has is answered exactly like one a member has: it costs
 * as much time, and its failures slow it down and lock it the same way, so the answers never tell which
 * emails exist.
 *
 * <p>Follows OWASP ASVS 5.0 V6.1.1 (how brute force and credential stuffing are met, without malicious
 * account lockout, is documented: here and in the README), V6.3.1 (controls against credential stuffing
 * and password brute force) and V2.4.1 (anti-automation). Guessing is held three ways: per account (at
 * most 40 guesses an hour, {@link SignInThrottle#DEFAULT}), per source address over all accounts
 * ({@link SignInLimits}), and per known device. A browser the member signed in from before
 * ({@link KnownDevices}) is counted on its own, so someone failing on purpose elsewhere locks the account
 * for every other device but never for its owner's own browser.
 */
@Component
@EnableConfigurationProperties(SignInLimits.class)
class PasswordSignIn implements AuthenticationProvider {

    static final String WRONG = "Email or password is wrong.";

    private final Members members;
    private final SignInAttempts attempts;
    private final KnownDevices devices;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final SignInThrottle perSource;
    private final String unknownMemberHash;

    PasswordSignIn(
            Members members,
            SignInAttempts attempts,
            KnownDevices devices,
            PasswordEncoder encoder,
            Clock clock,
            SignInLimits limits) {
        this.members = members;
        this.attempts = attempts;
        this.devices = devices;
        this.encoder = encoder;
        this.clock = clock;
        this.perSource = limits.perSource();
        this.unknownMemberHash = encoder.encode("no member has this password, it only spends time");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var email = authentication.getName();
        var password = String.valueOf(authentication.getCredentials());
        var now = clock.instant();
        var request = currentRequest();
        var found = members.credentialsByEmail(email);
        var device = found.flatMap(c -> devices.of(request, email, c.passwordHash()));
        // counted as failed before the password is checked, so guesses sent side by side are each held back
        var source = device.isEmpty() && request != null ? "source|" + request.getRemoteAddr() : null;
        if (source != null) {
            attempts.take(source, now, perSource).ifPresent(wait -> {
                throw new LockedException(blockedMessage(wait.locked(), now, wait.until(), "from this network"));
            });
        }
        var account = device.map(d -> "device|" + d + "|" + email).orElse(email);
        attempts.take(account, now, SignInThrottle.DEFAULT).ifPresent(wait -> {
            throw new LockedException(blockedMessage(wait.locked(), now, wait.until(), "for this account"));
        });
        if (found.isEmpty()) {
            encoder.matches(password, unknownMemberHash);
            throw new BadCredentialsException(WRONG);
        }
        var credentials = found.get();
        if (!encoder.matches(password, credentials.passwordHash())) {
            throw new BadCredentialsException(WRONG);
        }
        attempts.succeeded(account);
        if (source != null) {
            attempts.forgiveOne(source);
        }
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

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private static String blockedMessage(boolean locked, Instant now, Instant until, String where) {
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        var wait = seconds >= 120 ? (seconds + 59) / 60 + " minutes" : seconds + " seconds";
        return locked
                ? "Too many failed sign-ins " + where + ": signing in is locked; try again in " + wait
                        + " (or from a browser you signed in from before)."
                : "Too many failed sign-ins " + where + ": wait " + wait + " before trying again.";
    }
}
