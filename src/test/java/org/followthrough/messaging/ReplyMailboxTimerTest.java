package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The replies mailbox is read on its own timer when configured, and not at all when it is not. */
@ApplicationTest
class ReplyMailboxTimerTest extends WithMailServers {

    @Autowired
    MailboxCursors cursors;

    @Autowired
    InboundEmails inbound;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aConfiguredMailboxIsReadEveryPollInterval() throws Exception {
        var settings = new ImapSettings(
                "127.0.0.1",
                MAIL.getImap().getPort(),
                REPLIES,
                REPLIES_PASSWORD,
                null,
                Duration.ofMillis(200),
                null,
                null);
        var timed = new ReplyMailbox(settings, cursors, inbound);
        var messageId = "<" + UUID.randomUUID() + "@prospect.example>";
        timed.start();
        try {
            assertThat(timed.isRunning()).isTrue();
            deliver(messageId);
            var deadline = System.nanoTime() + 10_000_000_000L;
            while (!stored(messageId) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(stored(messageId))
                    .as("read by the timer, not by the test")
                    .isTrue();
        } finally {
            timed.stop();
        }
        assertThat(timed.isRunning()).isFalse();
    }

    @Test
    void withoutAHostNoMailboxIsRead() throws Exception {
        var off = new ReplyMailbox(new ImapSettings(null, null, null, null, null, null, null, null), cursors, inbound);
        off.start();
        assertThat(off.isRunning()).isFalse();
        assertThat(off.poll()).isZero();
    }

    private boolean stored(String messageId) {
        return jdbc.sql("select count(*) from inbound_emails where message_id = ?")
                        .param(messageId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static void deliver(String messageId) throws Exception {
        var message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("someone-" + UUID.randomUUID() + "@elsewhere.example"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(REPLIES));
        message.setSubject("Hello");
        message.setText("Just saying hello.");
        message.saveChanges();
        MAIL.getUserManager().getUser(REPLIES).deliver(message);
    }
}
