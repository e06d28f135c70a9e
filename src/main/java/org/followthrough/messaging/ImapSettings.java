package org.followthrough.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mailbox replies arrive in, read over IMAP ({@code followthrough.mail.imap.*}). Without a host
 * no mailbox is read. Give the address prospects reply to (the sender address, or a mailbox the
 * reps' replies are copied to).
 *
 * @param host the IMAP server; blank turns reading replies off
 * @param port 993 for IMAPS, 143 for plain IMAP
 * @param ssl whether to speak IMAPS (TLS from the first byte)
 * @param folder the folder to read, INBOX unless given
 * @param pollInterval how often the mailbox is read
 */
@ConfigurationProperties("followthrough.mail.imap")
record ImapSettings(
        String host, Integer port, String user, String password, String folder, Duration pollInterval, Boolean ssl) {

    ImapSettings {
        ssl = ssl != null && ssl;
        port = port == null ? (ssl ? 993 : 143) : port;
        folder = folder == null || folder.isBlank() ? "INBOX" : folder;
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
    }

    boolean configured() {
        return host != null && !host.isBlank();
    }

    String protocol() {
        return ssl ? "imaps" : "imap";
    }
}
