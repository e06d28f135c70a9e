package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

/**
 * The mail server is taken from the settings at start, whatever the build decided: a sender made from
 * {@code spring.mail.*} delivers to a real SMTP server running in the test (GreenMail), and without a
 * host there is no sender.
 */
class MailServerTest {

    private GreenMail smtp;
    private int port;

    @BeforeEach
    void start() throws Exception {
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void aHostGivenAtStartMakesASenderThatDeliversThere() throws Exception {
        var environment = new MockEnvironment()
                .withProperty("spring.mail.host", "127.0.0.1")
                .withProperty("spring.mail.port", String.valueOf(port))
                .withProperty("spring.mail.default-encoding", "UTF-8")
                .withProperty("spring.mail.properties.mail.smtp.connectiontimeout", "2500");

        var sender = new MailServer()
                .mailSender(environment, new DefaultListableBeanFactory().getBeanProvider(SslBundles.class));

        assertThat(sender).isInstanceOf(JavaMailSenderImpl.class);
        var smtpSender = (JavaMailSenderImpl) sender;
        assertThat(smtpSender.getPort()).isEqualTo(port);
        assertThat(smtpSender.getJavaMailProperties()).containsEntry("mail.smtp.connectiontimeout", "2500");
        MimeMessage message = smtpSender.createMimeMessage();
        message.setFrom("rep@followthrough.example");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "ada@prospect.example");
        message.setSubject("Grüße aus Berlin");
        message.setText("Our call on Tuesday");
        smtpSender.send(message);

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        var received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Grüße aus Berlin");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ada@prospect.example");
    }

    @Test
    void withoutAHostThereIsNoSender() {
        var provider = new DefaultListableBeanFactory().getBeanProvider(SslBundles.class);
        assertThat(new MailServer().mailSender(new MockEnvironment(), provider)).isNull();
        assertThat(new MailServer().mailSender(new MockEnvironment().withProperty("spring.mail.host", " "), provider))
                .isNull();
    }

    @Test
    void sslEnabledAsksForTlsOnTheProtocolInUse() {
        var environment = new MockEnvironment()
                .withProperty("spring.mail.host", "smtp.example.org")
                .withProperty("spring.mail.protocol", "smtps")
                .withProperty("spring.mail.ssl.enabled", "true");

        var sender = (JavaMailSenderImpl) new MailServer()
                .mailSender(environment, new DefaultListableBeanFactory().getBeanProvider(SslBundles.class));

        assertThat(sender.getProtocol()).isEqualTo("smtps");
        assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtps.ssl.enable", "true");
    }
}
