package org.followthrough.messaging;

import java.net.URI;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Unsubscribe links that prove themselves: the token is the prospect's id with an HMAC of it, keyed
 * by a secret this installation keeps in its database (so every instance and every restart accepts
 * the links already sent).
 */
@Component
public class UnsubscribeLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The subject of an unsubscribe email: this word, then the token. */
    static final java.util.regex.Pattern MAILED =
            java.util.regex.Pattern.compile("(?i)\\bunsubscribe\\s+([A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22})\\b");

    private final PublicAddress settings;
    private final ImapSettings mailbox;
    private final SingletonSupplier<byte[]> key;

    UnsubscribeLinks(PublicAddress settings, ImapSettings mailbox, JdbcClient jdbc) {
        this.settings = settings;
        this.mailbox = mailbox;
        this.key = SingletonSupplier.of(() -> secret(jdbc));
    }

    /**
     * The {@code mailto:} unsubscribe (RFC 2369) beside the one-click address: an email to the
     * replies mailbox whose subject carries the token; none while no replies mailbox is read.
     */
    Optional<URI> mailto(UUID prospectId) {
        return mailbox.mailbox()
                .map(address -> URI.create("mailto:" + address + "?subject=unsubscribe%20" + token(prospectId)));
    }

    /** The token an unsubscribe email's subject carries, if it carries one. */
    static Optional<String> tokenIn(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        var matcher = MAILED.matcher(subject);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The address of this installation as people reach it. */
    java.net.URI base() {
        return settings.current();
    }

    /** The page a person opens from the email body. */
    public URI page(UUID prospectId) {
        return settings.current().resolve("/unsubscribe/" + token(prospectId));
    }

    /** The address of the one-click unsubscribe (RFC 8058) in the List-Unsubscribe header. */
    URI oneClick(UUID prospectId) {
        return settings.current().resolve("/api/v1/unsubscribe/" + token(prospectId));
    }

    String token(UUID prospectId) {
        var id = bytes(prospectId);
        return ENCODER.encodeToString(id) + "." + ENCODER.encodeToString(mac(id));
    }

    /** The prospect a token was made for, if it is genuine. */
    Optional<UUID> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            var id = DECODER.decode(token.substring(0, dot));
            var given = DECODER.decode(token.substring(dot + 1));
            if (id.length != 16 || !MessageDigest.isEqual(mac(id), given)) {
                return Optional.empty();
            }
            var buffer = ByteBuffer.wrap(id);
            return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] id) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.obtain(), "HmacSHA256"));
            var full = mac.doFinal(id);
            return java.util.Arrays.copyOf(full, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    private static byte[] secret(JdbcClient jdbc) {
        var fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into messaging_keys (name, secret) values ('unsubscribe', ?) on conflict do nothing")
                .param(ENCODER.encodeToString(fresh))
                .update();
        var stored = jdbc.sql("select secret from messaging_keys where name = 'unsubscribe'")
                .query(String.class)
                .single();
        return DECODER.decode(stored);
    }
}
