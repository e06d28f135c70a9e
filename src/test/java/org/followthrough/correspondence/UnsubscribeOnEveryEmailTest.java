package org.followthrough.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.messaging.EmailStatus;
import org.followthrough.messaging.Outbox;
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
 * Every email to a prospect, as a real SMTP server receives it, lets them opt out: automated email
 * (first-time-call emails, nurture, post-sale) carries a visible link and the RFC 8058 headers
 * {@code List-Unsubscribe} (an address) and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click};
 * one-to-one email (thank-you, reminder, summary) ends with the link. A one-click POST to the
 * header's address, as a mail program sends it, stops every later email.
 */
@ApplicationTest
class UnsubscribeOnEveryEmailTest extends WithMailServers {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    Outbox outbox;

    @BeforeEach
    void tuesdayMorning() {
        clock.set(at(2026, 8, 18, 9, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void firstTimeCallEmailsCarryTheLinkAndTheOneClickHeadersAndAOneClickStopsLaterEmails() throws Exception {
        var rep = given.repWithPhone("+1 212 555 0100");
        var prospect = given.prospect(rep);
        log(rep, prospect, "{\"outcome\":\"NO_ANSWER\"}");
        deliverWhenDue(prospect);
        var first = only(receivedBy(prospect.email()));
        assertAutomated(first);

        // the prospect's mail program unsubscribes with the address in the header
        oneClick(first);
        clock.set(at(2026, 8, 19, 10, 0));
        log(rep, prospect, "{\"outcome\":\"NO_ANSWER\"}");
        clock.set(at(2026, 8, 19, 10, 30)); // the second attempt's email was due at 10:10
        deliverDue();

        assertThat(receivedBy(prospect.email()))
                .as("nothing more reaches a prospect who unsubscribed")
                .hasSize(1);
        assertThat(outbox.list(null, prospect.id(), 0, 50))
                .as("nothing waits for them either")
                .noneMatch(e -> e.status() == EmailStatus.PENDING || e.status() == EmailStatus.SENDING);
    }

    @Test
    void nurtureEmailsCarryTheLinkAndTheOneClickHeaders() throws Exception {
        var rep = given.repWithPhone("+1 212 555 0100");
        var prospect = given.prospect(rep);
        log(rep, prospect, "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"NURTURE\"}}");
        deliverWhenDue(prospect);

        assertAutomated(only(receivedBy(prospect.email())));
    }

    @Test
    void postSaleEmailsCarryTheLinkAndTheOneClickHeaders() throws Exception {
        var rep = given.repWithPhone("+1 212 555 0100");
        var customer = given.prospect(rep);
        log(rep, customer, "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"WON\"}}");
        clock.set(at(2026, 8, 25, 9, 0)); // the first week's check-in, five business days on
        deliverDue();

        var week = only(receivedBy(customer.email()));
        assertThat(week.getSubject()).startsWith("Your first week");
        assertAutomated(week);
    }

    @Test
    void theThankYouTheSummaryAndTheReminderEndWithTheLink() throws Exception {
        var rep = given.repWithPhone("+1 212 555 0100");
        var prospect = given.prospect(rep);
        log(
                rep,
                prospect,
                "{\"outcome\":\"CONNECTED\",\"pains\":[\"late deliveries\"],"
                        + "\"nextStep\":{\"appointmentAt\":\"2026-08-20T16:00:00-04:00\","
                        + "\"agenda\":\"review the delivery numbers\"}}");
        deliverDue();
        var thankYou = subjectStarting(prospect, "Thank you");
        var summary = subjectStarting(prospect, "Our call today");
        clock.set(at(2026, 8, 19, 10, 0));
        deliverDue();
        var reminder = subjectStarting(prospect, "Telephone appointment");

        for (var email : List.of(thankYou, summary, reminder)) {
            var lines = text(email).replace("\r\n", "\n").strip().lines().toList();
            assertThat(lines.get(lines.size() - 1))
                    .as("the last line of \"%s\"", email.getSubject())
                    .startsWith("If you would rather not get emails from us: ")
                    .contains("/unsubscribe/");
            assertThat(email.getHeader("List-Unsubscribe"))
                    .as("one-to-one email is not marked as a list")
                    .isNull();
        }
    }

    /** The visible link in the body, and both RFC 8058 headers with a one-click address. */
    private static void assertAutomated(MimeMessage email) throws Exception {
        assertThat(org.followthrough.TrackedLinks.untracked(text(email)))
                .contains("To stop receiving these emails: ")
                .contains("/unsubscribe/");
        assertThat(header(email, "List-Unsubscribe")).matches("<https?://[^>]+/api/v1/unsubscribe/[^>]+>");
        assertThat(header(email, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    }

    /** Sends what RFC 8058 says a mail program sends: a POST with the one-click body. */
    private void oneClick(MimeMessage email) {
        var header = header(email, "List-Unsubscribe");
        var address = URI.create(header.substring(1, header.indexOf('>')));
        assertThat(mvc.post()
                        .uri(address.getPath())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .hasStatus(HttpStatus.NO_CONTENT);
    }

    /** Moves the clock to when the prospect's first waiting email is due, and delivers. */
    private void deliverWhenDue(Prospect prospect) {
        var due = outbox.list(EmailStatus.PENDING, prospect.id(), 0, 10).stream()
                .map(e -> e.nextAttemptAt())
                .min(java.util.Comparator.naturalOrder())
                .orElseThrow(() -> new AssertionError("an email is planned"));
        if (due.isAfter(clock.instant())) {
            clock.set(due);
        }
        deliverDue();
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage subjectStarting(Prospect prospect, String start) {
        return only(receivedBy(prospect.email()).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith(start);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList());
    }

    private static MimeMessage only(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private void log(Member rep, Prospect prospect, String call) {
        assertThat(mvc.post()
                        .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(call))
                .hasStatus(HttpStatus.CREATED);
    }

    static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, NEW_YORK).toInstant();
    }
}
