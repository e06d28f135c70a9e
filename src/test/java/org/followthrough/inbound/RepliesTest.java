package org.followthrough.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.messaging.EmailStatus;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutboxEntry;
import org.followthrough.messaging.WithMailServers;
import org.followthrough.prospects.Prospect;
import org.followthrough.signals.WebhookSignature;
import org.followthrough.team.Member;
import org.followthrough.team.NewMember;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A reply stops the automatic emails of the prospect's cadence (R21) while its calls go on: read
 * from a real IMAP mailbox (GreenMail) and matched by the sender's address or by In-Reply-To to an
 * email we sent, or reported by a signed EMAIL_REPLY signal. Out-of-office replies stop nothing, and
 * a message read twice counts once.
 */
@ApplicationTest
class RepliesTest extends WithMailServers {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    ObjectMapper json;

    @Autowired
    Team team;

    @Autowired
    Outbox outbox;

    @LocalServerPort
    int port;

    @BeforeEach
    void tuesdayMorning() {
        clock.set(ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, NEW_YORK).toInstant());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aReplyFromTheProspectsAddressStopsTheCadenceEmailsButNotItsCallsAndTellsTheOwner() throws Exception {
        var rep = repWithPhone();
        var prospect = unanswered(rep);
        var notified = listen(rep);

        reply(prospect.email(), "<" + UUID.randomUUID() + "@prospect.example>", "Re: your call", null, null);
        assertThat(pollReplies()).isEqualTo(1);

        await(() -> replies(rep, prospect) == 1);
        assertThat(cadenceEmails(prospect))
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(EmailStatus.CANCELLED));
        assertThat(notified.get(10, TimeUnit.SECONDS)).contains("event:reply").contains(prospect.fullName());
        var timeline = body("/api/v1/prospects/" + prospect.id() + "/timeline", rep);
        assertThat(timeline.get("touches").get(0).get("notes").asString())
                .startsWith("Reply: Re: your call")
                .contains("Thursday works")
                .doesNotContain("original message");

        var call = log(rep, prospect);
        assertThat(call.get("label").asString()).isEqualTo("FTC #2");
        assertThat(call.get("planned").size())
                .as("the next call is still planned")
                .isEqualTo(1);
        assertThat(cadenceEmails(prospect))
                .as("no new automatic email after the reply")
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(EmailStatus.CANCELLED));
    }

    @Test
    void aReplyFromAnotherAddressIsMatchedByInReplyToOneOfOurEmailsAndEachMessageCountsOnce() throws Exception {
        var rep = repWithPhone();
        var prospect = unanswered(rep);
        clock.set(clock.instant().plusSeconds(600));
        deliverDue();
        var sent = outbox.find(cadenceEmails(prospect).get(0).id()).orElseThrow();
        assertThat(sent.status()).isEqualTo(EmailStatus.SENT);
        log(rep, prospect);
        assertThat(cadenceEmails(prospect))
                .anySatisfy(e -> assertThat(e.status()).isEqualTo(EmailStatus.PENDING));

        var messageId = "<" + UUID.randomUUID() + "@assistant.example>";
        reply(
                "assistant-" + UUID.randomUUID() + "@elsewhere.example",
                messageId,
                "Re: " + sent.subject(),
                sent.messageId(),
                null);
        assertThat(pollReplies()).isEqualTo(1);
        await(() -> replies(rep, prospect) == 1);
        assertThat(cadenceEmails(prospect))
                .noneSatisfy(e -> assertThat(e.status()).isEqualTo(EmailStatus.PENDING));

        assertThat(pollReplies()).as("read again").isZero();
        reply("assistant@elsewhere.example", messageId, "Re: " + sent.subject(), sent.messageId(), null);
        assertThat(pollReplies()).as("the same message delivered twice").isZero();
        given.settled();
        assertThat(replies(rep, prospect)).isEqualTo(1);
    }

    @Test
    void anOutOfOfficeReplyStopsNothing() throws Exception {
        var rep = repWithPhone();
        var prospect = unanswered(rep);
        reply(
                prospect.email(),
                "<" + UUID.randomUUID() + "@prospect.example>",
                "Automatic reply: your call",
                null,
                "auto-replied");
        reply(
                prospect.email(),
                "<" + UUID.randomUUID() + "@prospect.example>",
                "Away until Monday",
                null,
                null,
                "X-Autoreply",
                "yes");
        reply(prospect.email(), "<" + UUID.randomUUID() + "@prospect.example>", "Out of Office", null, null);
        reply(
                prospect.email(),
                "<" + UUID.randomUUID() + "@prospect.example>",
                "Away",
                null,
                null,
                "Precedence",
                "auto_reply");
        assertThat(pollReplies()).isEqualTo(4);
        given.settled();
        assertThat(replies(rep, prospect)).isZero();
        assertThat(cadenceEmails(prospect))
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(EmailStatus.PENDING));
    }

    @Test
    void aSignedEmailReplySignalStopsTheCadenceEmailsToo() throws Exception {
        var rep = repWithPhone();
        var prospect = unanswered(rep);
        var body = "{\"id\":\"reply-" + UUID.randomUUID() + "\",\"type\":\"EMAIL_REPLY\",\"occurredAt\":\""
                + clock.instant() + "\",\"email\":\"" + prospect.email() + "\",\"message\":\"Please call me\"}";
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(mvc.post()
                        .uri("/api/v1/signals")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(
                                WebhookSignature.HEADER,
                                WebhookSignature.sign(bytes, "test-webhook-secret", clock.instant()))
                        .content(bytes))
                .hasStatus(HttpStatus.ACCEPTED);
        await(() -> replies(rep, prospect) == 1);
        assertThat(cadenceEmails(prospect))
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(EmailStatus.CANCELLED));
    }

    /** A prospect whose first call went unanswered: FTC #1's email waits in the outbox. */
    private Prospect unanswered(Member rep) throws Exception {
        var prospect = given.prospect(rep);
        log(rep, prospect);
        assertThat(cadenceEmails(prospect)).singleElement().satisfies(e -> assertThat(e.status())
                .isEqualTo(EmailStatus.PENDING));
        return prospect;
    }

    private List<OutboxEntry> cadenceEmails(Prospect prospect) {
        return outbox.list(null, prospect.id(), 0, 50).stream()
                .filter(e -> e.dedupeKey().startsWith("enrolment/"))
                .toList();
    }

    private static void reply(
            String from, String messageId, String subject, String inReplyTo, String autoSubmitted, String... header)
            throws Exception {
        var message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(REPLIES));
        message.setSubject(subject);
        message.setText("Thursday works for me, call after 4.\n\nOn Tue, Riley wrote:\n> original message\n");
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo);
            message.setHeader("References", inReplyTo);
        }
        if (autoSubmitted != null) {
            message.setHeader("Auto-Submitted", autoSubmitted);
        }
        for (int i = 0; i + 1 < header.length; i += 2) {
            message.setHeader(header[i], header[i + 1]);
        }
        message.saveChanges();
        MAIL.getUserManager().getUser(REPLIES).deliver(message);
    }

    private int replies(Member rep, Prospect prospect) {
        var touches =
                body("/api/v1/prospects/" + prospect.id() + "/timeline", rep).get("touches");
        int n = 0;
        for (var t : touches) {
            if ("REPLIED".equals(t.get("outcome").asString(null))) {
                n++;
            }
        }
        return n;
    }

    private JsonNode log(Member rep, Prospect prospect) throws Exception {
        var result = mvc.post()
                .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"NO_ANSWER\"}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode body(String uri, Member member) {
        try {
            var result = mvc.get()
                    .uri(uri)
                    .header("Authorization", given.bearer(member))
                    .exchange();
            return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the member's live stream and completes with what was read up to the first reply event. */
    private CompletableFuture<String> listen(Member member) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/notifications"))
                .header("Authorization", given.bearer(member))
                .header("Accept", "text/event-stream")
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        var lines = response.body().iterator();
        assertThat(lines.next()).startsWith("event:hello");
        return CompletableFuture.supplyAsync(() -> {
            var seen = new StringBuilder();
            while (lines.hasNext()) {
                var line = lines.next();
                seen.append(line).append('\n');
                if (line.startsWith("data:") && seen.toString().contains("event:reply")) {
                    return seen.toString();
                }
            }
            return seen.toString();
        });
    }

    private Member repWithPhone() {
        var id = UUID.randomUUID().toString().substring(0, 8);
        return team.register(new NewMember(
                "rep-" + id + "@example.com", "Riley Stone " + id, Role.REP, Given.PASSWORD, "+1 212 555 0100", null));
    }

    /** Once the engine's listeners have handled the replies read, the condition holds. */
    private void await(BooleanSupplier condition) {
        given.settled();
        assertThat(condition.getAsBoolean())
                .as("once the listeners have handled the replies")
                .isTrue();
    }

    static Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, NEW_YORK).toInstant();
    }
}
