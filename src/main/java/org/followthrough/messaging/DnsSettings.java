package org.followthrough.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Settings → Email looks up what is published in DNS (the DKIM, SPF and DMARC records).
 *
 * @param server the DNS server asked, {@code host} or {@code host:port}; blank (the default) asks the
 *     system's resolvers
 * @param timeout how long one lookup may take before the check says it could not check (default 2s)
 */
@ConfigurationProperties("followthrough.mail.dns")
record DnsSettings(String server, Duration timeout) {

    DnsSettings {
        server = server == null ? "" : server.strip();
        timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(2) : timeout;
    }

    /** The address the JDK's DNS provider is given: {@code dns:} for the system's resolvers. */
    String providerUrl() {
        return server.isEmpty() ? "dns:" : "dns://" + server;
    }
}
