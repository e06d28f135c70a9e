package org.followthrough.team;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * A browser a member signed in from before: after each successful sign-in it gets a cookie naming a
 * device, signed (HMAC-SHA256) with the member's password hash, so every instance can check it without
 * a table, and a new password forgets every device. Attempts from a known device are counted on their
 * own ({@link PasswordSignIn}), so failures from anywhere else never lock the owner out of their own
 * browser; a stolen cookie gives a guesser no more tries than the account's own limit.
 */
@Component
class KnownDevices {

    static final String COOKIE = "FOLLOWTHROUGH_DEVICE";
    static final Duration KEPT = Duration.ofDays(180);

    private final Members members;

    KnownDevices(Members members) {
        this.members = members;
    }

    /** The device this request comes from, when its cookie was signed for this member. */
    Optional<String> of(HttpServletRequest request, String email, String passwordHash) {
        if (request == null || request.getCookies() == null || passwordHash == null) {
            return Optional.empty();
        }
        for (var cookie : request.getCookies()) {
            if (!COOKIE.equals(cookie.getName()) || cookie.getValue() == null) {
                continue;
            }
            var parts = cookie.getValue().split("\\.", 2);
            if (parts.length == 2
                    && MessageDigest.isEqual(
                            parts[1].getBytes(StandardCharsets.US_ASCII),
                            signature(email, parts[0], passwordHash).getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(parts[0]);
            }
        }
        return Optional.empty();
    }

    /** The cookie value for a new device of this member. */
    String cookieFor(String email, String passwordHash) {
        var device = UUID.randomUUID().toString();
        return device + "." + signature(email, device, passwordHash);
    }

    /** The form sign-in's success: remember the browser, then go where the member was going. */
    AuthenticationSuccessHandler rememberingTheDevice() {
        var next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/");
        // the page a stranger asked for travels in the same cookie it was kept in
        next.setRequestCache(SignInFirst.pagesToReturnTo());
        return (HttpServletRequest request, HttpServletResponse response, Authentication signedIn) -> {
            members.credentialsByEmail(signedIn.getName()).ifPresent(credentials -> {
                var cookie = new Cookie(COOKIE, cookieFor(credentials.member().email(), credentials.passwordHash()));
                cookie.setHttpOnly(true);
                cookie.setSecure(request.isSecure());
                cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
                cookie.setMaxAge((int) KEPT.toSeconds());
                cookie.setAttribute("SameSite", "Lax");
                response.addCookie(cookie);
            });
            next.onAuthenticationSuccess(request, response, signedIn);
        };
    }

    private static String signature(String email, String device, String passwordHash) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(passwordHash.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var text = email.trim().toLowerCase(Locale.ROOT) + "|" + device;
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
