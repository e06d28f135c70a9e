package org.followthrough.signals;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.followthrough.common.Refusal;
import org.springframework.http.HttpStatus;

/**
 * The {@code FollowThrough-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">}. A secret is rotated from either side: the sender may give several {@code v1}
 * entries, and FollowThrough may hold several secrets at once; one match is enough. A {@code t} more than five minutes away from now is refused, so a captured
 * request cannot be replayed later.
 */
public final class WebhookSignature {

    public static final String HEADER = "FollowThrough-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {}

    /** The header value a sender computes; also what tests and the documentation's example use. */
    public static String sign(byte[] body, String secret, Instant at) {
        var t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(secret, t, body));
    }

    public static void verify(String header, byte[] body, String secret, Instant now) {
        verify(header, body, java.util.List.of(secret), now);
    }

    /** Checks the header against every active secret. */
    public static void verify(String header, byte[] body, java.util.List<String> secrets, Instant now) {
        if (header == null || header.isBlank()) {
            throw unauthorized("The request has no " + HEADER + " header; sign it as the webhook documentation says.");
        }
        Long t = null;
        var given = new java.util.ArrayList<byte[]>();
        for (var part : header.split(",")) {
            var pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                t = parseSeconds(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                given.add(parseHex(pair[1]));
            }
        }
        if (t == null || given.isEmpty()) {
            throw unauthorized(HEADER + " must look like t=<unix seconds>,v1=<hex HMAC-SHA256>.");
        }
        var seconds = now.getEpochSecond();
        if (t < seconds - TOLERANCE.toSeconds() || t > seconds + TOLERANCE.toSeconds()) {
            throw unauthorized(
                    "The signature's time t is more than 5 minutes away from now; sign each request when you send it.");
        }
        var matched = false;
        for (var secret : secrets) {
            var expected = mac(secret, t, body);
            for (var g : given) {
                matched |= MessageDigest.isEqual(expected, g);
            }
        }
        if (!matched) {
            throw unauthorized(
                    "The signature does not match the body; sign \"<t>.<raw body>\" with the webhook secret.");
        }
    }

    /** A keyed Mac per secret and thread: looking up the algorithm and keying it cost more than the hash. */
    private static final ThreadLocal<java.util.Map<String, Mac>> MACS = ThreadLocal.withInitial(java.util.HashMap::new);

    private static byte[] mac(String secret, long t, byte[] body) {
        try {
            var macs = MACS.get();
            var mac = macs.get(secret);
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                if (macs.size() > 16) {
                    macs.clear(); // secrets rotated many times over: keep only what is in use
                }
                macs.put(secret, mac);
            }
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long parseSeconds(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] parseHex(String text) {
        try {
            return HexFormat.of().parseHex(text.strip());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static Refusal unauthorized(String detail) {
        return new Refusal(HttpStatus.UNAUTHORIZED, "Bad signature", detail);
    }
}
