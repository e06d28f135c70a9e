package org.followthrough.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.messaging.EmailStatus;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.WithMailServers;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.ProspectFields;
import org.followthrough.prospects.Prospects;
import org.followthrough.scripts.ArticleDraft;
import org.followthrough.scripts.Articles;
import org.followthrough.scripts.ArticlesSent;
import org.followthrough.scripts.TemplateKey;
import org.followthrough.scripts.Templates;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The emails around an appointment as a real SMTP server receives them: worded from the team's
 * templates, the reminder's P.S. with an article for the prospect's industry that they were not sent
 * before, a move and a cancellation with the calendar updated under the same UID and a higher
 * SEQUENCE, and the safe default wording (with the reason kept) when a template cannot be filled in.
 */
@ApplicationTest
class AppointmentEmailsTest extends WithMailServers {

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
    Prospects prospects;

    @Autowired
    Articles articles;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Templates templates;

    @Autowired
    ArticlesSent sent;

    @BeforeEach
    void tuesdayMorning() {
        clock.set(at(2026, 8, 18, 9, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theThankYouAndTheReminderAreWordedFromTheTemplatesAndTheReminderCarriesAnUnsentArticleForTheIndustry()
            throws Exception {
        var rep = repWithPhone();
        var industry = "shipping " + unique();
        var matching = article("Cutting late deliveries in half", industry);
        article("Hiring your first SDR", "retail " + unique());
        var prospect = prospect(rep, industry);

        book(rep, prospect, "2026-08-20T16:00:00-04:00");
        deliverDue();
        var thankYou = only(received(prospect, "Thank you"));
        assertThat(thankYou.getSubject()).isEqualTo("Thank you, Pat");
        assertThat(text(thankYou))
                .contains("Thank you for taking the time to speak with me today")
                .contains("I look forward to speaking with you further on Thursday, August 20 at 4:00 PM (Eastern"
                        + " Time). Review the delivery numbers.")
                .contains(rep.fullName())
                .contains("+1 212 555 0100")
                .doesNotContain("{{");
        var invitation = invitation(thankYou);
        assertThat(invitation.validate().hasErrors()).isFalse();
        assertThat(itipErrors(invitation)).isEmpty();
        assertThat(value(event(invitation), Property.DESCRIPTION))
                .isEqualTo("The call should only take 10 minutes. Review the delivery numbers. Then we'll determine"
                        + " the next steps, if any.");
        assertThat(value(invitation, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(value(event(invitation), Property.SEQUENCE)).isEqualTo("0");

        clock.set(at(2026, 8, 19, 10, 0));
        deliverDue();
        var reminder = only(received(prospect, "Telephone appointment"));
        assertThat(reminder.getSubject()).isEqualTo("Telephone appointment for August 20 and article of interest");
        assertThat(org.followthrough.TrackedLinks.untracked(text(reminder)))
                .contains("The call should only take 10 minutes. Review the delivery numbers.")
                .contains("P.S. Pat, in the meantime, here's an article I thought you might enjoy: \""
                        + matching.title() + "\" " + matching.link());
        assertThat(invitation(reminder).validate().hasErrors()).isFalse();

        var second = article("Five questions before you switch carriers", industry);
        clock.set(at(2026, 8, 20, 16, 1));
        book(rep, prospect, "2026-08-25T11:00:00-04:00", "{\"outcome\":\"CONNECTED\"");
        clock.set(at(2026, 8, 24, 10, 0));
        deliverDue();
        var nextReminder = receivedBy(prospect.email()).stream()
                .filter(m -> subject(m).contains("August 25 and article"))
                .findFirst()
                .orElseThrow();
        assertThat(text(nextReminder)).contains(second.title()).doesNotContain(matching.title());
    }

    @Test
    void movingAnAppointmentFollowsTheBookingRulesAndUpdatesTheCalendarEntryAndItsReminder() throws Exception {
        var rep = repWithPhone();
        var prospect = prospect(rep, "logistics " + unique());
        var appointment = book(rep, prospect, "2026-08-20T16:00:00-04:00");

        assertThat(move(rep, appointment, "2026-08-17T16:00:00-04:00")).hasStatus(422);
        assertThat(move(rep, appointment, "2026-08-21T22:00:00-04:00")).hasStatus(422);
        assertThat(move(rep, appointment, "{}", true)).hasStatus(HttpStatus.BAD_REQUEST);
        var otherProspect = prospect(rep, "logistics " + unique());
        book(rep, otherProspect, "2026-08-21T11:00:00-04:00");
        var clash = move(rep, appointment, "2026-08-21T11:15:00-04:00");
        assertThat(clash).hasStatus(422);
        assertThat(body(clash).get("detail").asString()).contains("30 minutes");
        assertThat(move(given.rep(), appointment, "2026-08-21T16:00:00-04:00")).hasStatus(HttpStatus.NOT_FOUND);

        var moved = move(rep, appointment, "2026-08-21T16:00:00-04:00");
        assertThat(moved).hasStatusOk();
        assertThat(body(moved).get("sequence").asInt()).isEqualTo(1);
        assertThat(body(moved).get("at").asString()).isEqualTo("2026-08-21T16:00:00-04:00");
        var emails = outbox.list(null, prospect.id(), 0, 20);
        assertThat(emails)
                .filteredOn(e -> e.dedupeKey().endsWith("/0/reminder"))
                .singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EmailStatus.CANCELLED));
        assertThat(emails)
                .filteredOn(e -> e.dedupeKey().endsWith("/1/reminder"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(EmailStatus.PENDING);
                    assertThat(e.dueAt()).isEqualTo(at(2026, 8, 20, 10, 0));
                });
        assertThat(queueDueAt(rep, prospect)).isEqualTo(at(2026, 8, 21, 16, 0));

        deliverDue();
        var update = receivedBy(prospect.email()).stream()
                .filter(m -> subject(m).startsWith("New time for our call"))
                .findFirst()
                .orElseThrow();
        assertThat(text(update)).contains("Friday, August 21 at 4:00 PM");
        var calendar = invitation(update);
        assertThat(calendar.validate().hasErrors()).isFalse();
        assertThat(itipErrors(calendar)).isEmpty();
        assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(value(event(calendar), Property.UID)).isEqualTo(appointment + "@followthrough");
        assertThat(value(event(calendar), Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(event(calendar), Property.DTSTART)).isEqualTo("20260821T160000");
    }

    @Test
    void cancellingSendsTheCalendarsCancelAndDropsTheReminderAndTheCall() throws Exception {
        var rep = repWithPhone();
        var prospect = prospect(rep, "logistics " + unique());
        var appointment = book(rep, prospect, "2026-08-20T16:00:00-04:00");
        assertThat(move(rep, appointment, "2026-08-20T11:00:00-04:00")).hasStatusOk();

        var cancelled = mvc.delete()
                .uri("/api/v1/appointments/" + appointment)
                .header("Authorization", given.bearer(rep))
                .exchange();
        assertThat(cancelled).hasStatusOk();
        assertThat(body(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(outbox.list(EmailStatus.PENDING, prospect.id(), 0, 20))
                .noneMatch(e -> e.dedupeKey().endsWith("reminder"));
        assertThat(body(get(rep, "/api/v1/queue")).toString())
                .doesNotContain(prospect.id().toString());
        assertThat(move(rep, appointment, "2026-08-21T16:00:00-04:00")).hasStatus(HttpStatus.CONFLICT);

        deliverDue();
        var cancel = receivedBy(prospect.email()).stream()
                .filter(m -> subject(m).startsWith("Cancelled"))
                .findFirst()
                .orElseThrow();
        var calendar = invitation(cancel);
        assertThat(calendar.validate().hasErrors()).isFalse();
        assertThat(itipErrors(calendar)).as("iTIP CANCEL").isEmpty();
        assertThat(value(calendar, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(value(event(calendar), Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(event(calendar), Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(event(calendar), Property.UID)).isEqualTo(appointment + "@followthrough");
    }

    @Test
    void aRepWithoutAPhoneNumberGetsTheTemplatesWordingWithoutTheNumberAndNoFallback() throws Exception {
        var repWithoutPhone = given.rep();
        var prospect = prospect(repWithoutPhone, "logistics " + unique());
        book(repWithoutPhone, prospect, "2026-08-20T16:00:00-04:00");
        deliverDue();
        var thankYou = receivedBy(prospect.email()).stream()
                .filter(m -> subject(m).startsWith("Thank you"))
                .toList();
        assertThat(text(only(thankYou)))
                .startsWith("Pat,")
                .contains("I look forward to speaking with you further on Thursday, August 20 at 4:00 PM")
                .containsPattern("Kind regards,\\r?\\n" + repWithoutPhone.fullName() + "\\r?\\n"
                        + team.organisation().name()
                        + "\\r?\\n\\r?\\nIf you would rather not get emails from us: \\S+/unsubscribe/\\S+\\s*$");
        assertThat(fallbacks(prospect)).isEmpty();
    }

    @Test
    void aTemplateThatCannotBeFilledInFallsBackToTheSafeWordingAndSaysWhy() throws Exception {
        var original = templates.find(TemplateKey.of("thank-you")).orElseThrow();
        templates.save(
                original.templateKey(),
                new Templates.Edit(null, original.subject(), "{{prospect.firstName}}, call me at {{rep.phone}}."),
                "manager@example.com");
        try {
            var repWithoutPhone = given.rep();
            var prospect = prospect(repWithoutPhone, "logistics " + unique());
            book(repWithoutPhone, prospect, "2026-08-20T16:00:00-04:00");
            deliverDue();
            var thankYou = receivedBy(prospect.email()).stream()
                    .filter(m -> subject(m).startsWith("Thank you"))
                    .toList();
            assertThat(text(only(thankYou)))
                    .startsWith("Hi Pat,")
                    .contains("Thursday, August 20 at 4:00 PM (Eastern Time)")
                    .doesNotContain("{{", "call me at", "America/New_York")
                    .doesNotContainPattern("\\n\\s*\\n\\s*$");
            assertThat(fallbacks(prospect))
                    .anySatisfy(r -> assertThat(r).startsWith("thank-you-1").contains("rep.phone"));
            var listed = body(get(given.manager(), "/api/v1/outbox/fallbacks?limit=500"));
            assertThat(listed.toString()).contains(prospect.id().toString());
            for (var entry : listed) {
                if (entry.get("prospectId").asString().equals(prospect.id().toString())) {
                    assertThat(entry.get("template").asString()).isEqualTo("thank-you-1");
                    assertThat(entry.get("reason").asString()).contains("rep.phone");
                    assertThat(entry.get("status").asString()).isEqualTo("SENT");
                }
            }
            assertThat(get(repWithoutPhone, "/api/v1/outbox/fallbacks")).hasStatus(HttpStatus.FORBIDDEN);
        } finally {
            templates.save(
                    original.templateKey(),
                    new Templates.Edit(original.channel(), original.subject(), original.body()),
                    null);
        }
    }

    @Test
    void aConnectedCallWithPainsAndPromisesIsSummarisedInWritingWithTheNextCallsTime() throws Exception {
        var rep = repWithPhone();
        var prospect = prospect(rep, "logistics " + unique());

        book(
                rep,
                prospect,
                "2026-08-20T16:00:00-04:00",
                "{\"outcome\":\"CONNECTED\",\"pains\":[\"late deliveries\",\"too many refunds\"],"
                        + "\"promises\":[\"you were going to pull last month's delivery numbers\"]");
        var planned = outbox.list(null, prospect.id(), 0, 20).stream()
                .filter(e -> e.dedupeKey().endsWith("/summary"))
                .toList();
        assertThat(planned).singleElement().satisfies(e -> assertThat(e.dueAt()).isEqualTo(clock.instant()));
        deliverDue();

        var summary = only(received(prospect, "Our call today"));
        assertThat(text(summary).replace("\r\n", "\n"))
                .startsWith("Pat,")
                .contains(
                        """
                        What you would like to solve:
                        - late deliveries
                        - too many refunds

                        The next steps we agreed on:
                        - you were going to pull last month's delivery numbers

                        I look forward to our next call on Thursday, August 20 at 4:00 PM (Eastern Time). Review the delivery numbers.""")
                .doesNotContain("What you would like to gain", "{{");
        assertThat(summary.getReplyTo()[0].toString()).contains(rep.email());
        assertThat(fallbacks(prospect)).isEmpty();
    }

    @Test
    void aCallWonWithGainsIsSummarisedWithoutANextCallAndNothingNotedOrLostGetsNoSummary() throws Exception {
        var rep = repWithPhone();
        var won = prospect(rep, "logistics " + unique());
        var nothingNoted = prospect(rep, "logistics " + unique());
        var lost = prospect(rep, "logistics " + unique());
        var optedOut = prospect(rep, "logistics " + unique());
        prospects.optOutOfEmail(optedOut.id());

        log(rep, won, "{\"outcome\":\"CONNECTED\",\"gains\":[\"fewer refunds\"],\"nextStep\":{\"stage\":\"WON\"}}");
        book(rep, nothingNoted, "2026-08-20T16:00:00-04:00", "{\"outcome\":\"CONNECTED\"");
        log(
                rep,
                lost,
                "{\"outcome\":\"CONNECTED\",\"pains\":[\"price\"],"
                        + "\"nextStep\":{\"stage\":\"LOST\",\"prospectSaidNo\":true}}");
        book(rep, optedOut, "2026-08-20T11:00:00-04:00");
        deliverDue();

        assertThat(text(only(received(won, "Our call today"))))
                .contains("What you would like to gain:", "- fewer refunds")
                .doesNotContain("look forward to our next call");
        assertThat(received(nothingNoted, "Our call today")).isEmpty();
        assertThat(received(nothingNoted, "Thank you")).hasSize(1);
        assertThat(received(lost, "Our call today")).isEmpty();
        assertThat(receivedBy(optedOut.email())).isEmpty();
    }

    @Test
    void afterAnOutageNeitherTheReminderNorTheThankYouGoesOutOnceTheAppointmentHasPassed() throws Exception {
        var rep = repWithPhone();
        var industry = "shipping " + unique();
        var matching = article("Cutting late deliveries in half", industry);
        var prospect = prospect(rep, industry);
        book(rep, prospect, "2026-08-20T16:00:00-04:00");
        assertThat(sent.sentTo(prospect.id())).containsExactly(matching.id());

        clock.set(at(2026, 8, 20, 16, 5));
        deliverDue();

        assertThat(received(prospect, "Thank you")).isEmpty();
        assertThat(received(prospect, "Telephone appointment")).isEmpty();
        var listed = body(get(given.manager(), "/api/v1/outbox?prospectId=" + prospect.id() + "&status=EXPIRED"));
        assertThat(listed.findValuesAsString("dedupeKey"))
                .anyMatch(k -> k.endsWith("/thank-you"))
                .anyMatch(k -> k.endsWith("/reminder"));
        for (var entry : listed) {
            var expires = Instant.parse(entry.get("expiresAt").asString());
            if (entry.get("dedupeKey").asString().endsWith("/reminder")) {
                assertThat(expires)
                        .as("a reminder is worth sending until the call")
                        .isEqualTo(at(2026, 8, 20, 16, 0));
            } else {
                assertThat(expires).as("a thank-you for two days").isEqualTo(at(2026, 8, 20, 9, 0));
            }
        }
        assertThat(sent.sentTo(prospect.id()))
                .as("the reminder's article was not sent after all")
                .isEmpty();
    }

    private void log(Member rep, Prospect prospect, String call) {
        assertThat(mvc.post()
                        .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(call))
                .hasStatus(HttpStatus.CREATED);
    }

    private static List<jakarta.mail.internet.MimeMessage> received(Prospect prospect, String subjectStart) {
        return receivedBy(prospect.email()).stream()
                .filter(m -> subject(m).startsWith(subjectStart))
                .toList();
    }

    private List<String> fallbacks(Prospect prospect) {
        return jdbc.sql("select template, reason from email_fallbacks where prospect_id = ?")
                .param(prospect.id())
                .query((rs, i) -> rs.getString(1) + ": " + rs.getString(2))
                .list();
    }

    @Test
    void anAppointmentWithoutAnAgendaStillGetsTheTemplatesReminderWithADefaultAgenda() throws Exception {
        var rep = repWithPhone();
        var prospect = prospect(rep, "logistics " + unique());
        assertThat(
                        mvc.post()
                                .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                                .header("Authorization", given.bearer(rep))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"appointmentAt\":\"2026-08-20T16:00:00-04:00\"}}"))
                .hasStatus(HttpStatus.CREATED);
        var reminder = jdbc.sql("select body from outbox where prospect_id = ? and dedupe_key like '%/reminder'")
                .param(prospect.id())
                .query(String.class)
                .single();
        assertThat(reminder)
                .contains("The call should only take 10 minutes. We'll go over where things stand and what matters"
                        + " most to you. And then we'll determine the next steps, if any.");
        var ics = jdbc.sql("select ics from outbox where prospect_id = ? and dedupe_key like '%/thank-you'")
                .param(prospect.id())
                .query(String.class)
                .single();
        assertThat(value(event(parseInvitation(ics)), Property.DESCRIPTION))
                .isEqualTo("The call should only take 10 minutes. We'll go over where things stand and what matters"
                        + " most to you. Then we'll determine the next steps, if any.");
        assertThat(jdbc.sql("select count(*) from email_fallbacks where prospect_id = ?")
                        .param(prospect.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private UUID book(Member rep, Prospect prospect, String at) throws Exception {
        return book(rep, prospect, at, "{\"outcome\":\"CONNECTED\",\"pains\":[\"late deliveries\"]");
    }

    private UUID book(Member rep, Prospect prospect, String at, String call) throws Exception {
        var logged = mvc.post()
                .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content(call + ",\"nextStep\":{\"appointmentAt\":\"" + at
                        + "\",\"agenda\":\"review the delivery numbers\"}}")
                .exchange();
        assertThat(logged).hasStatus(HttpStatus.CREATED);
        var list = body(get(rep, "/api/v1/prospects/" + prospect.id() + "/appointments"));
        return UUID.fromString(list.get(0).get("id").asString());
    }

    private MvcTestResult move(Member member, UUID appointment, String at) {
        return move(member, appointment, "{\"at\":\"" + at + "\"}", true);
    }

    private MvcTestResult move(Member member, UUID appointment, String body, boolean raw) {
        return mvc.patch()
                .uri("/api/v1/appointments/" + appointment)
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private Instant queueDueAt(Member rep, Prospect prospect) throws Exception {
        for (var item : body(get(rep, "/api/v1/queue"))) {
            if (item.get("prospectId").asString().equals(prospect.id().toString())) {
                return Instant.parse(item.get("dueAt").asString());
            }
        }
        return null;
    }

    private org.followthrough.scripts.Article article(String title, String industry) {
        return articles.add(
                new ArticleDraft(title, "https://example.com/" + unique(), List.of("deliveries"), List.of(industry)),
                null);
    }

    private Prospect prospect(Member owner, String industry) {
        var id = unique();
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
                                industry,
                                "US",
                                "America/New_York",
                                null,
                                null,
                                null,
                                null),
                        false,
                        "API")
                .prospect());
    }

    private Member repWithPhone() {
        var id = unique();
        return team.register(new NewMember(
                "rep-" + id + "@example.com", "Riley Stone " + id, Role.REP, Given.PASSWORD, "+1 212 555 0100", null));
    }

    private static <T> T only(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VEvent event(Calendar calendar) {
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    private static String value(net.fortuna.ical4j.model.PropertyContainer container, String name) {
        return container.getProperty(name).orElseThrow().getValue();
    }

    private MvcTestResult get(Member member, String uri) {
        return mvc.get().uri(uri).header("Authorization", given.bearer(member)).exchange();
    }

    private JsonNode body(MvcTestResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, NEW_YORK).toInstant();
    }
}
