package org.followthrough.messaging;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DKIM signing of outgoing email (RFC 6376).
 *
 * @param enabled whether outgoing email is signed (default true)
 * @param domain the signing domain ({@code d=}); default the domain of {@code followthrough.mail.from}
 * @param selector the selector ({@code s=}) the public key is published under, at {@code
 *     <selector>._domainkey.<domain>} (default {@code followthrough})
 * @param privateKey an RSA private key (PKCS#8 PEM) an admin gives; without it FollowThrough makes a
 *     2048-bit key on first start and keeps it in its database
 */
@ConfigurationProperties("followthrough.mail.dkim")
record DkimSettings(Boolean enabled, String domain, String selector, Path privateKey) {

    DkimSettings {
        enabled = enabled == null || enabled;
        selector = selector == null || selector.isBlank() ? "followthrough" : selector.strip();
    }
}
