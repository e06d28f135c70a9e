package org.followthrough.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Properties;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.messaging.Bounces;
import org.followthrough.messaging.EmailStatus;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutboxEntry;
import org.followthrough.messaging.WithMailServers;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Delivery status notifications (RFC 3464) as a receiving server sends them, delivered into the
 * replies mailbox of a real IMAP server: a hard bounce (5.1.1) marks the address undeliverable, stops
 * the prospect's emails, tells the owner and shows on the prospect's page; a soft bounce (4.2.2)
 * sends the email again half an hour later with the same Message-ID.
 */
@ApplicationTest
class BouncesTest extends WithMailServers {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    Outbox outbox;

    @Autowired
    Bounces bounces;

    @BeforeEach
    void tuesdayMorning() {
        clock.set(ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, NEW_YORK).toInstant());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aHardBounceStopsTheProspectsEmailsTellsTheOwnerAndShowsOnTheProspect() throws Exception {
        var rep = given.repWithPhone("+1 212 555 0100");
        var prospect = given.prospect(rep);
        var sent = firstEmailSent(rep, prospect);

        bounce(
                prospect.email(),
                sent.messageId(),
                "failed",
                "5.1.1",
                "smtp; 550 5.1.1 <" + prospect.email() + ">: Recipient address rejected: User unknown");
        pollReplies();
        var notice = awaitNotice(rep, prospect);
        assertThat(notice.getSubject()).isEqualTo("Email to " + prospect.fullName() + " bounced");
        assertThat(text(notice)).contains("5.1.1", "User unknown", "/prospects/" + prospect.id());

        assertThat(bounces.undeliverable(prospect.email()))
                .hasValueSatisfying(u -> assertThat(u.status()).isEqualTo("5.1.1"));
        assertThat(outbox.find(sent.id()).orElseThrow())
                .satisfies(e -> assertThat(e.status()).isEqualTo(EmailStatus.FAILED))
                .satisfies(e -> assertThat(e.lastError()).startsWith("Bounced (5.1.1)"));

        clock.set(ZonedDateTime.of(2026, 8, 19, 10, 0, 0, 0, NEW_YORK).toInstant());
        log(rep, prospect, "{\"outcome\":\"NO_ANSWER\"}");
        clock.advance(Duration.ofMinutes(30));
        deliverDue();
        assertThat(receivedBy(prospect.email()))
                .as("the cadence writes no more to the address")
                .hasSize(1);

        assertThat(mvc.get()
                        .uri("/prospects/" + prospect.id())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic(rep.email(), Given.PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .contains("bounced (5.1.1")
                .contains("No more email goes to this address");
    }

    @Test
    void aSoftBounceSendsTheEmailAgainHalfAnHourLater() throws Exception {
        var rep = given.repWithPhone("+1 212 555 0100");
        var prospect = given.prospect(rep);
        var sent = firstEmailSent(rep, prospect);

        bounce(prospect.email(), sent.messageId(), "failed", "4.2.2", "smtp; 452 4.2.2 Mailbox full");
        pollReplies();

        var again = outbox.find(sent.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(EmailStatus.PENDING);
        assertThat(again.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(again.lastError()).contains("4.2.2", "Mailbox full");
        assertThat(bounces.undeliverable(prospect.email())).isEmpty();

        clock.advance(Duration.ofMinutes(30));
        deliverDue();
        var received = receivedBy(prospect.email());
        assertThat(received).hasSize(2);
        assertThat(received.get(1).getMessageID()).isEqualTo(sent.messageId());
    }

    /** Logs a first attempt and delivers its email, ten minutes later; returns it as the outbox holds it. */
    private OutboxEntry firstEmailSent(Member rep, Prospect prospect) {
        log(rep, prospect, "{\"outcome\":\"NO_ANSWER\"}");
        clock.advance(Duration.ofMinutes(10));
        deliverDue();
        assertThat(receivedBy(prospect.email())).hasSize(1);
        return outbox.list(EmailStatus.SENT, prospect.id(), 0, 5).get(0);
    }

    /** A DSN as a receiving server writes it (RFC 3464 §2 and the example in its appendix), sent to the replies mailbox. */
    static void bounce(String recipient, String messageId, String action, String status, String diagnostic)
            throws Exception {
        var properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(MAIL.getSmtp().getPort()));
        var session = Session.getInstance(properties);
        var report = new MimeMessage(session);
        report.setFrom(new InternetAddress("MAILER-DAEMON@mx.acme.example"));
        report.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(REPLIES));
        report.setSubject("Undelivered Mail Returned to Sender");
        var parts = new MimeMultipart("report; report-type=delivery-status");
        var human = new MimeBodyPart();
        human.setText("I'm sorry to have to inform you that your message could not be delivered.\n", "UTF-8");
        parts.addBodyPart(human);
        var fields = "Reporting-MTA: dns; mx.acme.example\r\n"
                + "Arrival-Date: Tue, 18 Aug 2026 09:10:02 -0400\r\n"
                + "\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\n"
                + "Original-Recipient: rfc822;" + recipient + "\r\n"
                + "Action: " + action + "\r\n"
                + "Status: " + status + "\r\n"
                + "Remote-MTA: dns; mailstore.acme.example\r\n"
                + "Diagnostic-Code: " + diagnostic + "\r\n";
        var dsn = new MimeBodyPart();
        dsn.setDataHandler(new DataHandler(
                new ByteArrayDataSource(fields.getBytes(StandardCharsets.US_ASCII), "message/delivery-status")));
        dsn.setHeader("Content-Type", "message/delivery-status");
        parts.addBodyPart(dsn);
        var headers = new MimeBodyPart();
        headers.setDataHandler(new DataHandler(new ByteArrayDataSource(
                ("Message-ID: " + messageId + "\r\nTo: " + recipient + "\r\nSubject: An idea\r\n")
                        .getBytes(StandardCharsets.US_ASCII),
                "text/rfc822-headers")));
        headers.setHeader("Content-Type", "text/rfc822-headers");
        parts.addBodyPart(headers);
        report.setContent(parts);
        report.saveChanges();
        Transport.send(report);
    }

    private MimeMessage awaitNotice(Member rep, Prospect prospect) {
        var deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            deliverDue();
            var notices = receivedBy(rep.email()).stream()
                    .filter(m -> {
                        try {
                            return m.getSubject().contains(prospect.fullName());
                        } catch (jakarta.mail.MessagingException e) {
                            return false;
                        }
                    })
                    .toList();
            if (!notices.isEmpty()) {
                return notices.get(0);
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the owner was not told of the bounce");
    }

    private void log(Member rep, Prospect prospect, String call) {
        assertThat(mvc.post()
                        .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(call))
                .hasStatus(HttpStatus.CREATED);
    }
}
