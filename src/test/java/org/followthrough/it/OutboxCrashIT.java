package org.followthrough.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Kill -9 the server in the middle of a burst of email to a real SMTP server, start it again: every
 * email arrives, and none twice beyond the one the server may have accepted in the instant before
 * the kill. The burst size is {@code followthrough.outbox.burst} (1,000 here; the benchmark under
 * bench/outbox runs 10,000).
 */
class OutboxCrashIT {

    static final int BURST = Integer.getInteger("followthrough.outbox.burst", 1_000);

    @Test
    void aBurstOfEmailSurvivesAKillAndArrivesOnce() throws Exception {
        int port = freePort();
        var smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            var direct = directRate(smtp, port, Math.min(BURST, 2_000));
            smtp.purgeEmailFromAllMailboxes();
            run(smtp, port, direct);
        } finally {
            smtp.stop();
        }
    }

    /** The same kind of email sent straight over one SMTP connection, with no database: the baseline. */
    private static double directRate(GreenMail smtp, int port, int count) throws Exception {
        var properties = new java.util.Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        var session = jakarta.mail.Session.getInstance(properties);
        long start = System.nanoTime();
        try (var transport = session.getTransport("smtp")) {
            transport.connect();
            for (int n = 0; n < count; n++) {
                var message = new jakarta.mail.internet.MimeMessage(session);
                message.setFrom("followthrough@localhost");
                message.setRecipients(jakarta.mail.Message.RecipientType.TO, "direct@example.com");
                message.setSubject("Direct " + n);
                message.setText("This is a test email.\n");
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private void run(GreenMail smtp, int port, double direct) throws Exception {
        Path data = Files.createDirectories(
                Path.of("target", "outbox-crash-" + System.currentTimeMillis()).toAbsolutePath());
        // a short claim lease, so the batch the kill left claimed goes out again soon after the restart
        String[] mail = {
            "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port, "--followthrough.mail.claim-lease=20s"
        };
        long firstPhase;
        try (var first = new RunningServer(data, "first").with(mail).start()) {
            first.post("/api/v1/admin/outbox/test", "{\"to\":\"burst@example.com\",\"count\":" + BURST + "}");
            long start = System.nanoTime();
            await(smtp, BURST / 3, Duration.ofSeconds(120));
            firstPhase = System.nanoTime() - start;
            first.kill();
        }
        int beforeRestart = smtp.getReceivedMessages().length;
        try (var second = new RunningServer(data, "second").with(mail)) {
            long restart = System.nanoTime();
            second.start();
            await(smtp, BURST, Duration.ofSeconds(180));
            var ids = messageIds(smtp);
            while (ids.size() < BURST
                    && System.nanoTime() - restart < Duration.ofSeconds(180).toNanos()) {
                Thread.sleep(500);
                ids = messageIds(smtp);
            }
            var recovery = Duration.ofNanos(System.nanoTime() - restart);
            int duplicates = ids.values().stream().mapToInt(n -> n - 1).sum();
            System.out.printf(
                    "outbox crash: %d emails; %d arrived before the kill at %.0f emails/s (direct SMTP baseline %.0f emails/s);"
                            + " %d distinct arrived in all, %d twice; all in %d ms after the restart%n",
                    BURST,
                    beforeRestart,
                    beforeRestart / (firstPhase / 1e9),
                    direct,
                    ids.size(),
                    duplicates,
                    recovery.toMillis());

            assertThat(ids).as("distinct emails that arrived").hasSize(BURST);
            assertThat(duplicates)
                    .as("emails that arrived twice (at most the one in flight at the kill)")
                    .isLessThanOrEqualTo(1);
        }
    }

    /** Waits on the server's own notification of each arrival (reading the messages would slow it). */
    private static void await(GreenMail smtp, int atLeast, Duration timeout) {
        smtp.waitForIncomingEmail(timeout.toMillis(), atLeast);
    }

    /**
     * The Message-IDs of every complete email of the burst that arrived, as often as each arrived. On a
     * shared database the server may also send email the other tests left due; those are not counted.
     */
    private static java.util.Map<String, Integer> messageIds(GreenMail smtp) {
        var ids = new java.util.HashMap<String, Integer>();
        Arrays.stream(smtp.getReceivedMessages()).forEach(m -> {
            try {
                var to = m.getRecipients(jakarta.mail.Message.RecipientType.TO);
                boolean burst = to != null
                        && Arrays.stream(to).anyMatch(a -> a.toString().contains("burst@example.com"));
                if (burst && m.getMessageID() != null && m.getSubject() != null) {
                    ids.merge(m.getMessageID(), 1, Integer::sum);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        return ids;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
