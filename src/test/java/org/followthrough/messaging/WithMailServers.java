package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * For full-stack tests that need real mail servers: one GreenMail with SMTP (where the outbox
 * delivers) and IMAP (the replies mailbox {@link #REPLIES}), shared by every test class that extends
 * this, which therefore share one application context. Delivery and mailbox reading are triggered
 * by the tests, since the test clock stands still.
 */
public abstract class WithMailServers {

    public static final String REPLIES = "replies@followthrough.test";
    public static final String REPLIES_PASSWORD = "Replies-Mailbox-Secret-1";
    public static final GreenMail MAIL = start();

    /** The DNS server Settings → Email's check asks (publishing nothing until a test says so). */
    static final DnsResponder DNS = dns();

    @Autowired
    Delivery delivery;

    @Autowired
    ReplyMailbox mailbox;

    @DynamicPropertySource
    static void mailServers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("followthrough.mail.imap.host", () -> "127.0.0.1");
        registry.add("followthrough.mail.imap.port", () -> MAIL.getImap().getPort());
        registry.add("followthrough.mail.imap.user", () -> REPLIES);
        registry.add("followthrough.mail.imap.password", () -> REPLIES_PASSWORD);
        registry.add("followthrough.mail.imap.poll-interval", () -> "1h");
        registry.add("followthrough.mail.dns.server", DNS::address);
    }

    /** Sends every email due now by the application's clock. */
    protected int deliverDue() {
        return delivery.deliverDue();
    }

    /** Reads the replies mailbox once; how many new messages were handled. */
    protected int pollReplies() throws Exception {
        return mailbox.poll();
    }

    /** What the SMTP server received for this address, oldest first. */
    protected static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().contains(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The plain text of a received message. */
    protected static String text(MimeMessage m) throws Exception {
        var content = m.getContent();
        if (content instanceof Multipart parts) {
            return parts.getBodyPart(0).getContent().toString();
        }
        return content.toString();
    }

    /** The invitation a received message carries, parsed by ical4j. */
    protected static Calendar invitation(MimeMessage m) throws Exception {
        var parts = (Multipart) m.getContent();
        jakarta.mail.BodyPart calendarPart = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith("text/calendar")) {
                calendarPart = parts.getBodyPart(i);
            }
        }
        assertThat(calendarPart).as("a text/calendar part").isNotNull();
        return InvitationsTest.parse(new String(calendarPart.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** An invitation as the outbox holds it (its {@code ics}), parsed by ical4j. */
    protected static Calendar parseInvitation(String ics) throws Exception {
        return InvitationsTest.parse(ics);
    }

    /** The iTIP (RFC 5546) errors of an invitation as sent: none, for one a calendar accepts. */
    protected static List<net.fortuna.ical4j.validate.ValidationEntry> itipErrors(Calendar calendar) throws Exception {
        return InvitationsTest.itipErrors(calendar);
    }

    private static GreenMail start() {
        var mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        mail.start();
        mail.setUser(REPLIES, REPLIES, REPLIES_PASSWORD);
        return mail;
    }

    private static DnsResponder dns() {
        try {
            return new DnsResponder();
        } catch (java.net.SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
