package org.followthrough.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import org.followthrough.common.Sql;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The DKIM key outgoing email is signed with: the one an admin gave ({@code
 * followthrough.mail.dkim.private-key}), else the one kept in the database, else a new 2048-bit RSA
 * key made now and kept there, so every instance and every restart signs with the same key. Also
 * tells what to publish in DNS: the DKIM record, and the SPF and DMARC lines to check.
 */
@Component
public class DkimKeys {

    /** A DNS TXT record to publish: its name and value. */
    public record DnsRecord(String name, String value) {}

    /** What the settings page shows: whether mail is signed, the DKIM record, the SPF and DMARC lines to check. */
    public record Published(boolean signing, DnsRecord dkim, DnsRecord spf, DnsRecord dmarc) {}

    private record Key(RSAPrivateKey privateKey, String publicKey) {}

    private final DkimSettings settings;
    private final MailSettings mail;
    private final SingletonSupplier<Key> key;

    DkimKeys(DkimSettings settings, MailSettings mail, JdbcClient jdbc, Clock clock) {
        this.settings = settings;
        this.mail = mail;
        this.key = SingletonSupplier.of(() -> load(jdbc, clock));
    }

    /** Whether mail is signed: on, and for a domain that can be published in DNS (not "localhost"). */
    public boolean signing() {
        return settings.enabled() && domain().contains(".");
    }

    /** The signing domain: the setting, else the From address's domain. */
    public String domain() {
        var d = settings.domain() != null && !settings.domain().isBlank() ? settings.domain() : mail.messageIdDomain();
        return d.strip().toLowerCase(Locale.ROOT);
    }

    /** A signer for one message (the library's signer keeps per-message state). */
    DkimSigner signer() {
        try {
            var signer =
                    new DkimSigner(domain(), settings.selector(), key.obtain().privateKey());
            signer.setCheckDomainKey(false);
            return signer;
        } catch (RuntimeException e) {
            throw new IllegalStateException("The DKIM key cannot sign: " + e.getMessage(), e);
        }
    }

    /** The records to publish, made the first time the key is asked for. */
    public Published published() {
        var domain = domain();
        return new Published(
                signing(),
                new DnsRecord(
                        settings.selector() + "._domainkey." + domain,
                        "v=DKIM1; k=rsa; p=" + key.obtain().publicKey()),
                new DnsRecord(domain, "v=spf1 a mx include:<your mail provider's SPF domain> ~all"),
                new DnsRecord("_dmarc." + domain, "v=DMARC1; p=none; rua=mailto:" + mail.from()));
    }

    private Key load(JdbcClient jdbc, Clock clock) {
        try {
            if (settings.privateKey() != null) {
                return given(Files.readString(settings.privateKey(), StandardCharsets.US_ASCII));
            }
            var stored = jdbc.sql("select private_key from dkim_keys where domain = ? and selector = ?")
                    .params(domain(), settings.selector())
                    .query(String.class)
                    .optional();
            if (stored.isPresent()) {
                return given(stored.get());
            }
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            var pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            jdbc.sql("insert into dkim_keys (domain, selector, private_key, public_key, created_at)"
                            + " values (?, ?, ?, ?, ?) on conflict do nothing")
                    .params(
                            domain(),
                            settings.selector(),
                            pem,
                            Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                            Sql.ts(clock.instant()))
                    .update();
            // another instance may have made its key first: everyone signs with the stored one
            return given(jdbc.sql("select private_key from dkim_keys where domain = ? and selector = ?")
                    .params(domain(), settings.selector())
                    .query(String.class)
                    .single());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The DKIM key could not be read or made: " + e.getMessage(), e);
        }
    }

    /** A PKCS#8 PEM RSA private key, with its public half worked out from it. */
    static Key given(String pem) throws GeneralSecurityException {
        var base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var factory = KeyFactory.getInstance("RSA");
        var privateKey = (RSAPrivateKey) factory.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new GeneralSecurityException("the DKIM key must be an RSA key in PKCS#8 with its CRT values");
        }
        var publicKey = factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        return new Key(privateKey, Base64.getEncoder().encodeToString(publicKey.getEncoded()));
    }
}
