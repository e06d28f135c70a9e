package org.followthrough.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.messaging.Bounces;
import org.followthrough.messaging.DkimKeys;
import org.followthrough.messaging.EmailStatus;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.WithMailServers;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Issue 19's "done when", as one scenario: the application started with SMTP and IMAP at a real mail
 * server (GreenMail), a rep runs the first-time-call cadence for prospects in New York, London and
 * Tokyo (and one in Chicago whose address bounces), logging six attempts for each within minutes, and
 * the delivery runs every half hour of a test clock for four days. Every automated email that leaves
 * is DKIM-signed (checked by Apache James jDKIM against the record the settings page publishes),
 * inside its prospect's business hours on a business day, at most one a day per prospect, with the
 * RFC 8058 one-click headers; a one-click POST to the London prospect's List-Unsubscribe address opts
 * them out and their next email does not go; the Chicago address's delivery status notification,
 * arriving in the replies mailbox, marks it undeliverable and its cadence writes to it no more.
 */
@ApplicationTest
class EmailThatLandsWalkthroughTest extends WithMailServers {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

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

    @Autowired
    DkimKeys dkim;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCadenceInThreeZonesLeavesSignedInHoursOneADayUnsubscribesAndStopsAtABounce() throws Exception {
        // Monday 17 August 2026, 23:00 UTC: 19:00 in New York, midnight in London, 08:00 Tuesday in Tokyo
        var start = ZonedDateTime.of(2026, 8, 17, 23, 0, 0, 0, ZoneId.of("UTC")).toInstant();
        clock.set(start);
        var rep = given.repWithPhone("+1 212 555 0100");
        var newYork = given.prospect(rep, "+1 212 555 0147", "US");
        var london = given.prospect(rep, "+44 20 7946 0958", "GB");
        var tokyo = given.prospect(rep, "+81 3 5555 0147", "JP");
        var chicago = given.prospect(rep, "+1 312 555 0147", "US");
        assertThat(List.of(newYork, london, tokyo, chicago))
                .extracting(Prospect::timeZone)
                .containsExactly(NEW_YORK, LONDON, TOKYO, CHICAGO);
        var everyone = List.of(newYork, london, tokyo, chicago);
        for (var prospect : everyone) {
            for (int attempt = 1; attempt <= 6; attempt++) {
                log(rep, prospect);
                clock.advance(Duration.ofSeconds(1));
            }
        }

        var unsubscribed = false;
        var bounced = false;
        for (var now = start; now.isBefore(start.plus(Duration.ofDays(4))); now = now.plus(Duration.ofMinutes(30))) {
            clock.set(now);
            deliverDue();
            if (!unsubscribed && !receivedBy(london.email()).isEmpty()) {
                oneClick(receivedBy(london.email()).get(0));
                unsubscribed = true;
            }
            if (!bounced && !receivedBy(chicago.email()).isEmpty()) {
                var sent = outbox.list(EmailStatus.SENT, chicago.id(), 0, 5).get(0);
                BouncesTest.bounce(
                        chicago.email(),
                        sent.messageId(),
                        "failed",
                        "5.1.1",
                        "smtp; 550 5.1.1 <" + chicago.email() + ">: Recipient address rejected: User unknown");
                pollReplies();
                bounced = true;
            }
        }

        var automated = new ArrayList<MimeMessage>();
        for (var prospect : everyone) {
            var days = new HashSet<LocalDate>();
            for (var email : receivedBy(prospect.email())) {
                automated.add(email);
                var local = email.getSentDate().toInstant().atZone(prospect.timeZone());
                assertThat(local.getHour())
                        .as("%s sent at %s their time", email.getSubject(), local)
                        .isBetween(8, 17);
                assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                assertThat(days.add(local.toLocalDate()))
                        .as("one automated email a day for %s, %s", prospect.fullName(), local.toLocalDate())
                        .isTrue();
            }
        }
        assertThat(receivedBy(newYork.email())).as("New York, one a day").hasSizeGreaterThan(1);
        assertThat(receivedBy(tokyo.email())).as("Tokyo, one a day").hasSizeGreaterThan(1);
        assertThat(receivedBy(london.email()))
                .as("London unsubscribed with one click after the first")
                .hasSize(1);
        assertThat(receivedBy(chicago.email()))
                .as("Chicago's address bounced after the first")
                .hasSize(1);
        assertThat(bounces.undeliverable(chicago.email()))
                .hasValueSatisfying(u -> assertThat(u.status()).isEqualTo("5.1.1"));
        for (var stopped : List.of(london, chicago)) {
            assertThat(outbox.list(EmailStatus.PENDING, stopped.id(), 0, 50))
                    .as("nothing waits for %s", stopped.fullName())
                    .isEmpty();
        }

        var published = dkim.published().dkim();
        var verifier = new DKIMVerifier((method, selector, domain) -> {
            if (!(selector + "._domainkey." + domain).equalsIgnoreCase(published.name())) {
                throw new PermFailException("no record at " + selector + "._domainkey." + domain);
            }
            return List.of(published.value());
        });
        for (var email : automated) {
            var raw = new ByteArrayOutputStream();
            email.writeTo(raw);
            assertThat(verifier.verify(new ByteArrayInputStream(raw.toByteArray())))
                    .as("the DKIM signature of \"%s\"", email.getSubject())
                    .isNotEmpty();
            assertThat(email.getHeader("List-Unsubscribe", ",")).contains("/api/v1/unsubscribe/");
            assertThat(email.getHeader("List-Unsubscribe-Post", ",")).isEqualTo("List-Unsubscribe=One-Click");
        }
    }

    /** What a mail program does with RFC 8058's headers: a POST with the one-click body to the https address. */
    private void oneClick(MimeMessage email) throws Exception {
        var header = email.getHeader("List-Unsubscribe", ",");
        var address = URI.create(header.substring(1, header.indexOf('>')));
        assertThat(mvc.post()
                        .uri(address.getPath())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .hasStatus(HttpStatus.NO_CONTENT);
    }

    private void log(Member rep, Prospect prospect) {
        assertThat(mvc.post()
                        .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"NO_ANSWER\"}"))
                .hasStatus(HttpStatus.CREATED);
    }
}
