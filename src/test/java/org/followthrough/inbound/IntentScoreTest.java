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
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The intent score (R22): explainable, decaying with age, and ordering calls due at the same time. */
@ApplicationTest
class IntentScoreTest {

    static final Instant MONDAY_8AM = ZonedDateTime.of(2026, 9, 14, 8, 0, 0, 0, ZoneId.of("America/New_York"))
            .toInstant();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    ObjectMapper json;

    @Value("${local.server.port}")
    int port;

    SignalSender sender;

    @BeforeEach
    void mondayMorning() {
        clock.set(MONDAY_8AM);
        sender = new SignalSender(port, clock);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theScoreListsEachSignalWithItsPointsHalvedForEveryHalfLifeOfAge() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        sender.accepted(signal("PAGE_VIEW", prospect.email(), "https://example.com/pricing", Duration.ZERO));
        sender.accepted(signal("EMAIL_OPEN", prospect.email(), null, Duration.ofDays(14)));
        sender.accepted(signal("PAGE_VIEW", prospect.email(), "https://example.com/blog", Duration.ofDays(28)));
        sender.accepted(signal("EMAIL_CLICK", prospect.email(), "https://example.com/x", Duration.ofDays(200)));

        var score = get("/api/v1/prospects/" + prospect.id() + "/score", rep);

        // 15 (hot page, today) + 1 × ½ (open, one half-life ago) + 2 × ¼ (page, two half-lives ago) = 16;
        // the click is older than the 90-day window
        assertThat(score.get("score").asInt()).isEqualTo(16);
        var contributions = list(score.get("contributions"));
        assertThat(contributions)
                .extracting(c -> c.get("event").asString())
                .containsExactly("HOT_PAGE_VIEW", "EMAIL_OPEN", "PAGE_VIEW");
        assertThat(contributions).extracting(c -> c.get("points").asInt()).containsExactly(15, 1, 2);
        assertThat(contributions)
                .extracting(c -> c.get("decayedPoints").asDouble())
                .containsExactly(15.0, 0.5, 0.5);
        assertThat(contributions.get(0).get("detail").asString()).isEqualTo("https://example.com/pricing");
        assertThat(contributions).extracting(c -> c.get("age").asString()).containsExactly("PT0S", "PT336H", "PT672H");
        assertThat(score.get("halfLife").asString()).isEqualTo("PT336H");
    }

    @Test
    void aRepCannotSeeTheScoreOfSomeoneElsesProspect() {
        var prospect = given.prospect(given.rep());
        assertThat(mvc.get()
                        .uri("/api/v1/prospects/" + prospect.id() + "/score")
                        .header("Authorization", given.bearer(given.rep())))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get()
                        .uri("/api/v1/prospects/" + prospect.id() + "/score")
                        .header("Authorization", given.bearer(given.manager())))
                .hasStatusOk();
    }

    @Test
    void amongCallsDueAtTheSameTimeTheWarmerProspectComesFirst() {
        var rep = given.rep();
        var first = given.prospect(rep);
        var second = given.prospect(rep);
        var before = positions(rep);
        assertThat(before.get(0).get("dueAt").asString())
                .as("both first calls are due at the same instant")
                .isEqualTo(before.get(1).get("dueAt").asString());
        // whichever of the two the queue put second is the one who shows interest
        var warmer =
                before.get(1).get("prospectId").asString().equals(first.id().toString()) ? first : second;

        sender.accepted(signal("EMAIL_OPEN", warmer.email(), null, Duration.ofHours(1)));

        var after = positions(rep);
        assertThat(after.get(0).get("prospectId").asString())
                .isEqualTo(warmer.id().toString());
        assertThat(after.get(0).get("score").asInt()).isEqualTo(1);
        assertThat(after.get(1).get("score").asInt()).isZero();
    }

    private List<JsonNode> positions(Member rep) {
        var queue = list(get("/api/v1/queue?limit=10", rep));
        assertThat(queue).hasSize(2);
        return queue;
    }

    private String signal(String type, String email, String url, Duration ago) {
        return """
                {"id":"%s","type":"%s","occurredAt":"%s","email":"%s"%s}"""
                .formatted(
                        UUID.randomUUID(),
                        type,
                        MONDAY_8AM.minus(ago),
                        email,
                        url == null ? "" : ",\"url\":\"" + url + "\"");
    }

    private JsonNode get(String uri, Member member) {
        try {
            var response = mvc.get()
                    .uri(uri)
                    .header("Authorization", given.bearer(member))
                    .exchange()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        var items = new ArrayList<JsonNode>();
        array.forEach(items::add);
        return items;
    }
}
