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
 * @param address the mailbox's email address, which the {@code mailto:} of a List-Unsubscribe header
 *     names; the user when it is an email address, unless given
 */
@ConfigurationProperties("followthrough.mail.imap")
record ImapSettings(
        String host,
        Integer port,
        String user,
        String password,
        String folder,
        Duration pollInterval,
        Boolean ssl,
        String address) {

    ImapSettings {
        ssl = ssl != null && ssl;
        port = port == null ? (ssl ? 993 : 143) : port;
        folder = folder == null || folder.isBlank() ? "INBOX" : folder;
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
    }

    /** The address mail to the replies mailbox is sent to, when it is read and its address is known. */
    java.util.Optional<String> mailbox() {
        if (!configured()) {
            return java.util.Optional.empty();
        }
        var given = address != null && !address.isBlank() ? address.strip() : user;
        return given != null && given.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+")
                ? java.util.Optional.of(given)
                : java.util.Optional.empty();
    }

    boolean configured() {
        return host != null && !host.isBlank();
    }

    String protocol() {
        return ssl ? "imaps" : "imap";
    }
}
