package org.followthrough.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.SignalSender;
import org.followthrough.TestClock;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.ProspectFields;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Trigger events (R20): a hot page, a click or a cold prospect's inquiry puts a call at the top of the queue. */
@ApplicationTest
class TriggerEventTest {

    static final Instant TUESDAY_9AM = ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, ZoneId.of("America/New_York"))
            .toInstant();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    ObjectMapper json;

    @Autowired
    Prospects prospects;

    @Autowired
    JdbcClient jdbc;

    @Value("${local.server.port}")
    int port;

    SignalSender sender;

    @BeforeEach
    void tuesdayMorning() {
        clock.set(TUESDAY_9AM);
        sender = new SignalSender(port, clock);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aProspectWhoSaidNoReturnsToTheTopOfTheQueueWhenTheyVisitThePricingPage() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        saidNo(rep, prospect);
        assertThat(queue(rep)).as("out of the call queue after saying no").isEmpty();

        sender.accepted(signal("PAGE_VIEW", prospect.email(), null, "https://www.example.com/en/pricing?plan=team", 2));

        var top = given.after(() -> queue(rep).stream().findFirst().orElse(null));
        assertThat(top.get("kind").asString()).isEqualTo("TRIGGER");
        assertThat(top.get("prospectId").asString()).isEqualTo(prospect.id().toString());
        assertThat(top.get("reason").asString())
                .contains("Visited /en/pricing 2 minutes ago")
                .contains("matched by email " + prospect.email());
        assertThat(Instant.parse(top.get("dueAt").asString())).isEqualTo(TUESDAY_9AM);
    }

    @Test
    void aSecondTriggerEventRetellsTheOpenTriggerCallInsteadOfAddingAnother() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        saidNo(rep, prospect);
        sender.accepted(signal("PAGE_VIEW", prospect.email(), null, "https://example.com/demo", 5));
        given.after(() -> queue(rep).isEmpty() ? null : true);

        sender.accepted(signal("EMAIL_CLICK", prospect.email(), null, "https://example.com/case-study", 0));

        var retold = given.after(() -> {
            var queue = queue(rep);
            return queue.size() == 1 && queue.get(0).get("reason").asString().contains("case-study") ? queue : null;
        });
        assertThat(retold.get(0).get("reason").asString()).contains("Clicked https://example.com/case-study just now");
        assertThat(openTriggers(prospect)).isEqualTo(1);
    }

    @Test
    void triggerEventsArrivingTogetherStillMakeOneTriggerCall() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        saidNo(rep, prospect);

        var sent = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.runAsync(() -> sender.accepted(
                        signal("PAGE_VIEW", prospect.email(), null, "https://example.com/pricing/" + i, 0))))
                .toList();
        sent.forEach(java.util.concurrent.CompletableFuture::join);

        // all six stored, and every listener done with them: no publication naming one of them is incomplete
        given.after(() -> {
            var ids = jdbc.sql("select id from signals where email = ?")
                    .param(prospect.email())
                    .query(String.class)
                    .list();
            var pending = ids.stream()
                    .mapToLong(id -> jdbc.sql("select count(*) from event_publication where completion_date is null"
                                    + " and serialized_event like ?")
                            .param("%" + id + "%")
                            .query(Long.class)
                            .single())
                    .sum();
            return ids.size() == 6 && pending == 0 ? true : null;
        });
        assertThat(openTriggers(prospect)).isEqualTo(1);
        assertThat(queue(rep)).hasSize(1);
    }

    @Test
    void anOrdinaryPageViewOrAnEmailOpenOnlyCountsForTheScore() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        saidNo(rep, prospect);

        sender.accepted(signal("PAGE_VIEW", prospect.email(), null, "https://example.com/blog/cold-calling", 1));
        sender.accepted(signal("EMAIL_OPEN", prospect.email(), null, null, 1));
        // a hot visit by someone else, sent last, shows when the listeners have caught up
        var other = given.prospect(rep);
        sender.accepted(signal("PAGE_VIEW", other.email(), null, "https://example.com/contact", 1));
        given.after(() -> openTriggers(other) == 1 ? true : null);

        assertThat(openTriggers(prospect)).isZero();
        assertThat(jdbc.sql("select count(*) from signals where prospect_id = ?")
                        .param(prospect.id())
                        .query(Long.class)
                        .single())
                .as("both stored and matched to the prospect")
                .isEqualTo(2);
    }

    @Test
    void aVisitKnownOnlyByTheCompanysDomainGoesToTheOwnerOfItsMostRecentProspect() {
        var rep = given.rep();
        var domain = "globex-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        var prospect = withDomain(rep, domain);

        sender.accepted(signal("PAGE_VIEW", null, "www." + domain, "https://" + domain + "/pricing", 0));

        var top = given.after(() -> queue(rep).stream()
                .filter(item -> item.get("kind").asString().equals("TRIGGER"))
                .findFirst()
                .orElse(null));
        assertThat(top.get("prospectId").asString()).isEqualTo(prospect.id().toString());
        assertThat(top.get("reason").asString()).contains("Visited /pricing just now", "matched by web domain");
    }

    @Test
    void anInquiryFromSomeoneNewAtAnAccountTheTeamWorksGoesToThatAccountsRep() {
        var rep = given.rep();
        var domain = "initech-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        withDomain(rep, domain);

        sender.accepted(
                """
                {"id":"%s","type":"INQUIRY","occurredAt":"%s","email":"peter@%s","name":"Peter Gibbons",
                 "phone":"+1 512 555 0199","message":"Send a quote"}"""
                        .formatted(UUID.randomUUID(), TUESDAY_9AM, domain));

        var newcomer = given.after(() -> prospects.byEmail("peter@" + domain).orElse(null));
        assertThat(newcomer.ownerId()).isEqualTo(rep.id());
    }

    @Test
    void anInquiryFromSomeoneNotContactedForThirtyDaysIsATriggerCall() {
        var rep = given.rep();
        clock.set(TUESDAY_9AM.minus(Duration.ofDays(40)));
        var prospect = given.prospect(rep);
        clock.set(TUESDAY_9AM);

        sender.accepted(
                """
                {"id":"%s","type":"INQUIRY","occurredAt":"%s","email":"%s","message":"Is the offer still open?"}"""
                        .formatted(UUID.randomUUID(), TUESDAY_9AM, prospect.email()));

        var top = given.after(() -> queue(rep).stream()
                .filter(item -> item.get("kind").asString().equals("TRIGGER"))
                .findFirst()
                .orElse(null));
        assertThat(top.get("reason").asString()).contains("Web inquiry just now", "offer still open");
    }

    @Test
    void theInquiryToTaskLatencyIsPublishedForPrometheus() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        saidNo(rep, prospect);
        sender.accepted(signal("EMAIL_CLICK", prospect.email(), null, "https://example.com/pricing", 0));
        given.after(() -> openTriggers(prospect) == 1 ? true : null);

        var scrape = mvc.get()
                .uri("/actuator/prometheus")
                .header("Authorization", given.bearer(given.admin()))
                .exchange();
        assertThat(scrape).hasStatusOk();
        assertThat(scrape)
                .bodyText()
                .contains("followthrough_inquiry_to_task_seconds_count", "followthrough_inquiry_to_task_seconds_bucket")
                .contains("followthrough_signals_received_total");
    }

    private String signal(String type, String email, String domain, String url, int minutesAgo) {
        var fields = new ArrayList<String>(List.of(
                "\"id\":\"" + UUID.randomUUID() + "\"",
                "\"type\":\"" + type + "\"",
                "\"occurredAt\":\"" + TUESDAY_9AM.minus(Duration.ofMinutes(minutesAgo)) + "\""));
        if (email != null) {
            fields.add("\"email\":\"" + email + "\"");
        }
        if (domain != null) {
            fields.add("\"domain\":\"" + domain + "\"");
        }
        if (url != null) {
            fields.add("\"url\":\"" + url + "\"");
        }
        return "{" + String.join(",", fields) + "}";
    }

    private Prospect withDomain(Member owner, String domain) {
        return given.enrolled(prospects
                .create(
                        owner.asActor(),
                        new ProspectFields(
                                "Hank Scorpio",
                                null,
                                "hank@" + domain,
                                null,
                                "Globex",
                                domain,
                                null,
                                "US",
                                null,
                                null,
                                null,
                                null,
                                null),
                        false,
                        "API")
                .prospect());
    }

    private void saidNo(Member rep, Prospect prospect) {
        assertThat(
                        mvc.post()
                                .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                                .header("Authorization", given.bearer(rep))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"NURTURE\",\"prospectSaidNo\":true}}"))
                .hasStatus(HttpStatus.CREATED);
    }

    private long openTriggers(Prospect prospect) {
        return jdbc.sql("select count(*) from tasks where prospect_id = ? and kind = 'TRIGGER' and status = 'OPEN'")
                .param(prospect.id())
                .query(Long.class)
                .single();
    }

    private List<JsonNode> queue(Member member) {
        try {
            var body = mvc.get()
                    .uri("/api/v1/queue")
                    .header("Authorization", given.bearer(member))
                    .exchange()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            var items = new ArrayList<JsonNode>();
            json.readTree(body).forEach(items::add);
            return items;
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
