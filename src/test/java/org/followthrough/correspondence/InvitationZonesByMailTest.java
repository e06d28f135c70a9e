package org.followthrough.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.messaging.IcalJs;
import org.followthrough.messaging.WithMailServers;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.ProspectFields;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Member;
import org.followthrough.team.NewMember;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * An appointment booked with a prospect in Moscow and one in India (entered under the backward name
 * Asia/Calcutta) arrives by email with an invitation that an independent parser, Mozilla's ical.js,
 * reads at the agreed instant, in the zone under its canonical name, defined in the file itself.
 */
@ApplicationTest
class InvitationZonesByMailTest extends WithMailServers {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    Team team;

    @Autowired
    Prospects prospects;

    @BeforeEach
    void tuesdayMorningInMoscow() {
        clock.set(Instant.parse("2026-08-18T07:00:00Z"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theInvitationInTheEmailIsReadAtTheAgreedInstantInMoscowAndKolkata() throws Exception {
        var icalJs = IcalJs.require();
        var rep = rep();
        var moscow = prospect(rep, "RU", "Europe/Moscow");
        var india = prospect(rep, "IN", "Asia/Calcutta");

        book(rep, moscow, "2026-08-20T11:00:00+03:00");
        book(rep, india, "2026-08-20T11:00:00+05:30");
        deliverDue();

        var inMoscow = icalJs.readOne(calendarPart(thankYou(moscow)));
        assertThat(inMoscow.error()).isNull();
        assertThat(inMoscow.start()).isEqualTo(Instant.parse("2026-08-20T08:00:00Z"));
        assertThat(inMoscow.end()).isEqualTo(Instant.parse("2026-08-20T08:15:00Z"));
        assertThat(inMoscow.startTzid()).isEqualTo("Europe/Moscow");
        assertThat(inMoscow.tzids()).containsExactly("Europe/Moscow");
        assertThat(inMoscow.method()).isEqualTo("REQUEST");

        var inIndia = icalJs.readOne(calendarPart(thankYou(india)));
        assertThat(inIndia.error()).isNull();
        assertThat(inIndia.start()).isEqualTo(Instant.parse("2026-08-20T05:30:00Z"));
        assertThat(inIndia.end()).isEqualTo(Instant.parse("2026-08-20T05:45:00Z"));
        assertThat(inIndia.startTzid()).isEqualTo("Asia/Kolkata");
        assertThat(inIndia.tzids()).containsExactly("Asia/Kolkata");
        assertThat(inIndia.attendees()).singleElement().satisfies(a -> assertThat(a.address())
                .isEqualTo("mailto:" + india.email()));
    }

    private MimeMessage thankYou(Prospect prospect) {
        var thankYou = receivedBy(prospect.email()).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith("Thank you");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
        assertThat(thankYou).hasSize(1);
        return thankYou.get(0);
    }

    /** The text/calendar part of a received email, as sent. */
    private static String calendarPart(MimeMessage message) throws Exception {
        var parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith("text/calendar")) {
                return new String(parts.getBodyPart(i).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no text/calendar part");
    }

    private void book(Member rep, Prospect prospect, String at) {
        assertThat(mvc.post()
                        .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"CONNECTED\",\"nextStep\":{\"appointmentAt\":\"" + at
                                + "\",\"agenda\":\"review the delivery numbers\"}}"))
                .hasStatus(HttpStatus.CREATED);
    }

    private Prospect prospect(Member owner, String country, String zone) {
        var id = UUID.randomUUID().toString().substring(0, 8);
        return given.enrolled(prospects
                .create(
                        owner.asActor(),
                        new ProspectFields(
                                "Pat Lee " + id,
                                "Head of Operations",
                                "pat.lee." + id + "@acme.example",
                                null,
                                "Acme " + id,
                                null,
                                "logistics " + id,
                                country,
                                zone,
                                null,
                                null,
                                null,
                                null),
                        false,
                        "API")
                .prospect());
    }

    private Member rep() {
        var id = UUID.randomUUID().toString().substring(0, 8);
        return team.register(new NewMember(
                "rep-" + id + "@example.com", "Riley Stone " + id, Role.REP, Given.PASSWORD, "+1 212 555 0100", null));
    }
}
