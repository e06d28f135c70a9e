package org.followthrough.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Click tracking for the email FollowThrough sends. Each outside link in a body is replaced, when the
 * email is put in the outbox, by {@code <public url>/t/c/<token>}, where the token carries the email's
 * id and the original link, signed with an HMAC keyed by a secret kept in the database. A click goes
 * only to the link inside a genuine token, so the address cannot be used to send people elsewhere.
 * The HTML version of an email carries a one-pixel image at {@code <public url>/t/o/<token>}, whose
 * token, signed the same way, names the email: loading it is an open.
 */
@Component
class TrackedLinks {

    /** A genuine click token: which email, which link. */
    record Click(UUID emailId, URI link) {}

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'()\\[\\]]+");
    private static final String TRAILING = ".,;:!?";

    private final PublicAddress settings;
    private final SingletonSupplier<byte[]> key;

    TrackedLinks(PublicAddress settings, JdbcClient jdbc) {
        this.settings = settings;
        this.key = SingletonSupplier.of(() -> secret(jdbc));
    }

    /** The text with every outside link replaced by its tracked address; our own links stay as they are. */
    String rewrite(String text, UUID emailId) {
        var own = settings.current().toString();
        var matcher = LINK.matcher(text);
        var out = new StringBuilder(text.length() + 64);
        while (matcher.find()) {
            var link = matcher.group();
            var tail = "";
            while (!link.isEmpty() && TRAILING.indexOf(link.charAt(link.length() - 1)) >= 0) {
                tail = link.charAt(link.length() - 1) + tail;
                link = link.substring(0, link.length() - 1);
            }
            var replaced = link.startsWith(own) || link.isEmpty()
                    ? link
                    : tracked(emailId, link).toString();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replaced + tail));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    URI tracked(UUID emailId, String link) {
        var payload = ("c|" + emailId + "|" + link).getBytes(StandardCharsets.UTF_8);
        return settings.current()
                .resolve("/t/c/" + ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload)));
    }

    /** The address of the one-pixel image that tells an email was opened. */
    URI openPixel(UUID emailId) {
        var payload = ("o|" + emailId).getBytes(StandardCharsets.UTF_8);
        return settings.current()
                .resolve("/t/o/" + ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload))
                        + ".gif");
    }

    /** The email an open token was made for, if it is genuine. */
    Optional<UUID> verifyOpen(String token) {
        var name = token == null ? "" : token.endsWith(".gif") ? token.substring(0, token.length() - 4) : token;
        return genuine(name)
                .map(payload -> payload.split("\\|", 2))
                .filter(parts -> parts.length == 2 && parts[0].equals("o"))
                .flatMap(parts -> uuid(parts[1]));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The signed text of a genuine token. */
    private Optional<String> genuine(String token) {
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            var payload = DECODER.decode(token.substring(0, dot));
            return MessageDigest.isEqual(mac(payload), DECODER.decode(token.substring(dot + 1)))
                    ? Optional.of(new String(payload, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The email and link a token was made for, if it is genuine. */
    Optional<Click> verify(String token) {
        return genuine(token == null ? "" : token)
                .map(payload -> payload.split("\\|", 3))
                .filter(parts -> parts.length == 3 && parts[0].equals("c"))
                .flatMap(parts -> uuid(parts[1]).flatMap(email -> link(parts[2]).map(link -> new Click(email, link))));
    }

    private static Optional<URI> link(String text) {
        try {
            return Optional.of(URI.create(text));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.obtain(), "HmacSHA256"));
            return java.util.Arrays.copyOf(mac.doFinal(payload), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] secret(JdbcClient jdbc) {
        var fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into messaging_keys (name, secret) values ('tracking', ?) on conflict do nothing")
                .param(ENCODER.encodeToString(fresh))
                .update();
        return DECODER.decode(jdbc.sql("select secret from messaging_keys where name = 'tracking'")
                .query(String.class)
                .single());
    }
}
