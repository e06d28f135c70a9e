package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The outbox against a real SMTP server running in the test (GreenMail). */
@ApplicationTest
@Import(OutboxDeliveryTest.RefusesOptedOut.class)
class OutboxDeliveryTest {

    static final int PORT = freePort();
    static GreenMail smtp;

    @Autowired
    org.followthrough.Given given;

    @Autowired
    Outbox outbox;

    @Autowired
    Delivery delivery;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender> mailers;

    @Autowired
    OutboxClaims claims;

    @Autowired
    MailComposer composer;

    @Autowired
    List<SendPermission> permissions;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    MailSettings settings;

    @Autowired
    SendWindows windows;

    @Autowired
    Bounces bounces;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDueEmailGoesOutOnceWithItsMessageIdAndTheRepAsNameAndReplyTo() throws Exception {
        var id = outbox.enqueue(email("pat-" + UUID.randomUUID() + "@prospect.example", clock.instant(), false, null));
        outbox.enqueue(withKey(
                email("ignored@prospect.example", clock.instant(), false, null),
                outbox.find(id).orElseThrow().dedupeKey()));

        delivery.deliverDue();
        delivery.deliverDue();

        var entry = outbox.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo(EmailStatus.SENT);
        var received = receivedWith(entry.messageId());
        assertThat(received).hasSize(1);
        var message = received[0];
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Robin Rep");
        assertThat(((InternetAddress) message.getReplyTo()[0]).getAddress()).isEqualTo("robin@team.example");
        assertThat(message.getSubject()).isEqualTo("Thank you, Pat");
        assertThat(message.getHeader("List-Unsubscribe")).as("one-to-one email").isNull();
    }

    @Test
    void anEmailDueLaterWaitsUntilItsTime() {
        clock.set(Instant.parse("2026-08-17T14:00:00Z"));
        var id = outbox.enqueue(email(
                "later-" + UUID.randomUUID() + "@prospect.example",
                Instant.parse("2026-08-17T15:00:00Z"),
                false,
                null));

        delivery.deliverDue();
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(EmailStatus.PENDING);

        clock.advance(Duration.ofHours(1));
        delivery.deliverDue();
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(EmailStatus.SENT);
    }

    @Test
    void anEmailThatCanNoLongerArriveInTimeIsMarkedExpiredInsteadOfGoingOutLate() {
        clock.set(Instant.parse("2026-08-17T14:00:00Z"));
        var due = clock.instant();
        var reminder = outbox.enqueue(email("late-" + UUID.randomUUID() + "@prospect.example", due, false, null)
                .expiringAt(due.plus(Duration.ofHours(2))));
        var noExpiryOfItsOwn =
                outbox.enqueue(email("default-" + UUID.randomUUID() + "@prospect.example", due, false, null));
        var stillInTime = outbox.enqueue(email("intime-" + UUID.randomUUID() + "@prospect.example", due, false, null));
        assertThat(outbox.find(noExpiryOfItsOwn).orElseThrow().expiresAt()).isEqualTo(due.plus(Duration.ofHours(12)));

        clock.advance(Duration.ofHours(3));
        jdbc.sql("update outbox set next_attempt_at = ? where id = ?")
                .params(org.followthrough.common.Sql.ts(due.plus(Duration.ofHours(13))), noExpiryOfItsOwn)
                .update();
        delivery.deliverDue();
        assertThat(outbox.find(reminder).orElseThrow().status()).isEqualTo(EmailStatus.EXPIRED);
        assertThat(outbox.find(reminder).orElseThrow().lastError()).contains("worth sending until");
        assertThat(receivedWith(outbox.find(reminder).orElseThrow().messageId()))
                .isEmpty();
        assertThat(outbox.find(stillInTime).orElseThrow().status()).isEqualTo(EmailStatus.SENT);

        clock.advance(Duration.ofHours(10));
        delivery.deliverDue();
        assertThat(outbox.find(noExpiryOfItsOwn).orElseThrow().status()).isEqualTo(EmailStatus.EXPIRED);
        assertThat(outbox.list(EmailStatus.EXPIRED, null, 0, 500))
                .extracting(OutboxEntry::id)
                .contains(reminder, noExpiryOfItsOwn);
    }

    @Test
    void anOptOutAtSendTimeIsRespectedEvenThoughTheEmailWasPlannedBefore() {
        var id = outbox.enqueue(
                email("optedout-" + UUID.randomUUID() + "@prospect.example", clock.instant(), false, null));

        delivery.deliverDue();

        var entry = outbox.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo(EmailStatus.SKIPPED);
        assertThat(entry.lastError()).contains("opted out");
        assertThat(receivedWith(entry.messageId())).isEmpty();
    }

    @Test
    void anEmailASenderWasSendingWhenItDiedGoesOutAgainWithTheSameMessageIdOnceItsClaimRanOut() {
        clock.set(Instant.parse("2026-09-01T09:00:00Z"));
        var abandoned =
                outbox.enqueue(email("crash-" + UUID.randomUUID() + "@prospect.example", clock.instant(), false, null));
        var beingSent =
                outbox.enqueue(email("alive-" + UUID.randomUUID() + "@prospect.example", clock.instant(), false, null));
        claim(abandoned, "a-round-that-died", clock.instant().minus(Duration.ofMinutes(3)));
        claim(beingSent, "a-round-still-sending", clock.instant().minusSeconds(20));

        delivery.deliverDue();

        var entry = outbox.find(abandoned).orElseThrow();
        assertThat(entry.status()).isEqualTo(EmailStatus.SENT);
        assertThat(receivedWith(entry.messageId())).hasSize(1);
        var other = outbox.find(beingSent).orElseThrow();
        assertThat(other.status())
                .as("another round's fresh claim is left alone")
                .isEqualTo(EmailStatus.SENDING);
        assertThat(receivedWith(other.messageId())).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        delivery.deliverDue();
        assertThat(outbox.find(beingSent).orElseThrow().status()).isEqualTo(EmailStatus.SENT);
        assertThat(receivedWith(other.messageId())).hasSize(1);
    }

    @Test
    void aRoundThatStartsWhileAnotherIsSendingLeavesThatRoundsEmailsAlone() {
        var ids = new java.util.ArrayList<UUID>();
        for (int n = 0; n < 5; n++) {
            ids.add(outbox.enqueue(
                    email("overlap-" + UUID.randomUUID() + "@prospect.example", clock.instant(), false, null)));
        }
        var otherRoundRan = new java.util.concurrent.atomic.AtomicBoolean();
        SendPermission startsAnotherRound = (prospect, address, bulk) -> {
            if (address.startsWith("overlap-") && otherRoundRan.compareAndSet(false, true)) {
                delivery.deliverDue();
            }
            return Optional.empty();
        };
        var stalling = new Delivery(
                mailers, claims, composer, List.of(startsAnotherRound), clock, meters, settings, windows, bounces);

        stalling.deliverDue();

        assertThat(otherRoundRan).isTrue();
        for (var id : ids) {
            var entry = outbox.find(id).orElseThrow();
            assertThat(entry.status()).isEqualTo(EmailStatus.SENT);
            assertThat(receivedWith(entry.messageId())).as("copies of " + id).hasSize(1);
        }
    }

    @Test
    void aRoundThatStalledForHalfTheLeasePutsTheRestOfItsBatchBackForTheNextRound() {
        clock.set(Instant.parse("2026-09-01T09:00:00Z"));
        var ids = new java.util.ArrayList<UUID>();
        for (int n = 0; n < 3; n++) {
            ids.add(outbox.enqueue(
                    email("stall-" + UUID.randomUUID() + "@prospect.example", clock.instant(), false, null)));
        }
        SendPermission stalls = (prospect, address, bulk) -> {
            if (address.startsWith("stall-")) {
                clock.advance(settings.claimLease().dividedBy(2));
            }
            return Optional.empty();
        };
        var stalling =
                new Delivery(mailers, claims, composer, List.of(stalls), clock, meters, settings, windows, bounces);

        stalling.deliverDue();
        var statuses =
                ids.stream().map(id -> outbox.find(id).orElseThrow().status()).toList();
        assertThat(statuses).containsOnlyOnce(EmailStatus.SENT).contains(EmailStatus.PENDING);

        delivery.deliverDue();
        for (var id : ids) {
            var entry = outbox.find(id).orElseThrow();
            assertThat(entry.status()).isEqualTo(EmailStatus.SENT);
            assertThat(receivedWith(entry.messageId())).hasSize(1);
        }
    }

    @Test
    void twoRoundsRunningAtOnceOnTheSameEmailsSendEachOnce() throws Exception {
        var ids = new java.util.ArrayList<UUID>();
        for (int n = 0; n < 300; n++) {
            ids.add(outbox.enqueue(
                    email("together-" + UUID.randomUUID() + "@prospect.example", clock.instant(), false, null)));
        }
        var other = new Delivery(mailers, claims, composer, permissions, clock, meters, settings, windows, bounces);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> {
                start.await();
                return delivery.deliverDue();
            });
            var second = pool.submit(() -> {
                start.await();
                return other.deliverDue();
            });
            start.countDown();
            first.get(60, java.util.concurrent.TimeUnit.SECONDS);
            second.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        for (var id : ids) {
            var entry = outbox.find(id).orElseThrow();
            assertThat(entry.status()).isEqualTo(EmailStatus.SENT);
            assertThat(receivedWith(entry.messageId())).as("copies of " + id).hasSize(1);
        }
    }

    @Test
    void anSmtpOutageOfHoursCostsNoAttemptsAndDeliveryPausesUntilTheServerIsBack() {
        clock.set(Instant.parse("2026-09-01T09:00:00Z"));
        var id =
                outbox.enqueue(email("retry-" + UUID.randomUUID() + "@prospect.example", clock.instant(), false, null));
        smtp.stop();
        try {
            for (int minutes = 0; minutes < 5 * 60; minutes += 10) {
                clock.advance(Duration.ofMinutes(10));
                delivery.deliverDue();
            }
            var waiting = outbox.find(id).orElseThrow();
            assertThat(waiting.status()).isEqualTo(EmailStatus.PENDING);
            assertThat(waiting.attempts())
                    .as("an outage is nobody's email's fault")
                    .isZero();
            assertThat(waiting.nextAttemptAt()).isEqualTo(Instant.parse("2026-09-01T09:00:00Z"));
            assertThat(waiting.lastError()).contains("not reachable", "trying again from");
        } finally {
            smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }

        assertThat(delivery.deliverDue()).as("still paused").isZero();
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(EmailStatus.PENDING);
        clock.advance(Duration.ofMinutes(5));
        delivery.deliverDue();
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(EmailStatus.SENT);
        assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void aTemporaryRefusalIsRetriedWithBackOffAndAPermanentOneFailsForGood() throws Exception {
        clock.set(Instant.parse("2026-09-01T09:00:00Z"));
        try (var server = new ScriptedSmtpServer()) {
            var scripted = new Delivery(
                    mailerAt(server.port()), claims, composer, permissions, clock, meters, settings, windows, bounces);
            var address = "greylisted-" + UUID.randomUUID() + "@prospect.example";
            var greylisted = outbox.enqueue(email(address, clock.instant(), false, null));
            server.answerRecipientsWith("451 4.7.1 Greylisted, please try again later");
            scripted.deliverDue();

            var waiting = outbox.find(greylisted).orElseThrow();
            assertThat(waiting.status()).isEqualTo(EmailStatus.PENDING);
            assertThat(waiting.attempts()).isEqualTo(1);
            assertThat(waiting.nextAttemptAt()).isEqualTo(Instant.parse("2026-09-01T09:00:30Z"));
            assertThat(waiting.lastError()).contains("try again later", "451");

            clock.advance(Duration.ofSeconds(30));
            server.answerRecipientsWith("550 5.1.1 No such user here");
            scripted.deliverDue();
            var failed = outbox.find(greylisted).orElseThrow();
            assertThat(failed.status()).isEqualTo(EmailStatus.FAILED);
            assertThat(failed.lastError()).contains("refused", "550");
            assertThat(bounces.undeliverable(address))
                    .as("a refusal at send time is a hard bounce: nothing more goes to the address")
                    .hasValueSatisfying(u -> assertThat(u.status()).isEqualTo("5.1.1"));
            var later = outbox.enqueue(email(address, clock.instant(), false, null));
            server.answerRecipientsWith("250 OK");
            scripted.deliverDue();
            assertThat(outbox.find(later).orElseThrow().status()).isEqualTo(EmailStatus.SKIPPED);
        }
    }

    @Test
    void aFailedEmailSentAgainGoesOutWithItsMessageId() {
        var id =
                outbox.enqueue(email("again-" + UUID.randomUUID() + "@prospect.example", clock.instant(), false, null));
        jdbc.sql("update outbox set status = 'FAILED', attempts = 8, last_error = 'Gave up' where id = ?")
                .param(id)
                .update();

        var retried = outbox.retry(id);
        assertThat(retried.status()).isEqualTo(EmailStatus.PENDING);
        assertThat(retried.attempts()).isZero();
        delivery.deliverDue();

        var entry = outbox.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo(EmailStatus.SENT);
        assertThat(receivedWith(entry.messageId())).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> outbox.retry(id))
                .isInstanceOfSatisfying(org.followthrough.common.Refusal.class, r -> assertThat(r.status())
                        .isEqualTo(org.springframework.http.HttpStatus.CONFLICT));
    }

    @Test
    void nurtureEmailCarriesOneClickUnsubscribeAndALinkInTheBody() throws Exception {
        clock.set(Instant.parse("2026-09-01T14:00:00Z")); // a Tuesday, 10:00 in the prospect's New York
        var prospect = given.prospect(given.rep()).id();
        var id = outbox.enqueue(new OutgoingEmail(
                "nurture/" + prospect + "/1",
                prospect,
                new Recipient("Pat", "nurture-" + prospect + "@prospect.example"),
                new Recipient("Robin Rep", "robin@team.example"),
                "Three ways teams cut onboarding time",
                "Hello Pat,\n\nan article you may like.\n",
                clock.instant(),
                true,
                null));

        delivery.deliverDue();

        var message = receivedWith(outbox.find(id).orElseThrow().messageId())[0];
        assertThat(message.getHeader("List-Unsubscribe")[0])
                .matches("<http://localhost:8080/api/v1/unsubscribe/[\\w-]+\\.[\\w-]+>");
        assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        var content = message.getContent();
        var text = content instanceof Multipart parts ? parts.getBodyPart(0).getContent() : content;
        assertThat((String) text).contains("http://localhost:8080/unsubscribe/");
    }

    @Test
    void anAppointmentEmailCarriesTheInvitationAsACalendarRequest() throws Exception {
        var start = ZonedDateTime.of(2026, 8, 18, 8, 45, 0, 0, ZoneId.of("America/New_York"));
        var invitation = new Invitation(
                "appointment-" + UUID.randomUUID(),
                0,
                Invitation.Method.REQUEST,
                start,
                Duration.ofMinutes(15),
                "Telephone appointment",
                "Agenda",
                new Recipient("Robin Rep", "robin@team.example"),
                new Recipient("Pat", "pat@prospect.example"));
        var id = outbox.enqueue(
                email("invite-" + UUID.randomUUID() + "@prospect.example", clock.instant(), false, invitation));

        delivery.deliverDue();

        var message = receivedWith(outbox.find(id).orElseThrow().messageId())[0];
        var parts = (Multipart) message.getContent();
        var calendarPart = parts.getBodyPart(1);
        assertThat(calendarPart.getContentType()).contains("text/calendar").contains("method=REQUEST");
        var calendar = InvitationsTest.parse(
                new String(calendarPart.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(calendar.validate().getEntries()).isEmpty();
        assertThat(calendar.toString()).contains("UID:" + invitation.uid());
    }

    private static org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender>
            mailerAt(int port) {
        var sender = new org.springframework.mail.javamail.JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        var beans = new org.springframework.beans.factory.support.StaticListableBeanFactory();
        beans.addBean("scripted", sender);
        return beans.getBeanProvider(org.springframework.mail.javamail.JavaMailSender.class);
    }

    private void claim(UUID id, String token, Instant at) {
        jdbc.sql("update outbox set status = 'SENDING', claimed_by = ?, claimed_at = ? where id = ?")
                .params(token, org.followthrough.common.Sql.ts(at), id)
                .update();
    }

    private static MimeMessage[] receivedWith(String messageId) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return messageId.equals(m.getMessageID());
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toArray(MimeMessage[]::new);
    }

    private static OutgoingEmail email(String to, Instant due, boolean bulk, Invitation invitation) {
        return new OutgoingEmail(
                "test/" + UUID.randomUUID(),
                null,
                new Recipient("Pat Prospect", to),
                new Recipient("Robin Rep", "robin@team.example"),
                "Thank you, Pat",
                "Thank you for taking the time to speak with me today.\n",
                due,
                bulk,
                invitation);
    }

    private static OutgoingEmail withKey(OutgoingEmail email, String key) {
        return new OutgoingEmail(
                key,
                email.prospectId(),
                email.to(),
                email.rep(),
                email.subject(),
                email.text(),
                email.dueAt(),
                email.bulk(),
                email.invitation());
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class RefusesOptedOut {
        @Bean
        SendPermission refusesAddressesMarkedOptedOut() {
            return (prospect, address, bulk) ->
                    address.startsWith("optedout-") ? Optional.of("The prospect opted out of email") : Optional.empty();
        }
    }
}
