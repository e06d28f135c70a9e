package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.SignalSender;
import org.followthrough.TestClock;
import org.followthrough.cadence.Cadences;
import org.followthrough.messaging.WithMailServers;
import org.followthrough.team.Member;
import org.followthrough.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 18's "done when", as one scenario, tried as a new manager would, in Chromium and through the
 * API, on a test clock with a real mail server (GreenMail): the manager clones the first-time calls,
 * gives the clone's first email two wordings and has a rep review its second email; imports 500
 * prospects and moves all of them into the clone in bulk from the prospects list (previewed, then run
 * to the end); pauses one prospect and resumes them; approves a reviewed email from the outbox. After
 * a morning of logged calls, the emails sent, and some of them opened, replied to and followed by a
 * call that connected, the numbers page shows the two wordings side by side with the rates the
 * scenario counts from what it did.
 */
@ApplicationTest
class ControlOverEveryCadenceWalkthroughTest extends WithMailServers {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /**
     * Tuesday 14 September 2027, 09:00 in New York: a business morning, and ahead of the real time, so
     * the scheduler that runs the bulk action (on the application's clock) only ever sees time go forward.
     */
    static final Instant TUESDAY_9AM =
            ZonedDateTime.of(2027, 9, 14, 9, 0, 0, 0, NEW_YORK).toInstant();

    static final int IMPORTED = 500;
    static final int CALLED = 30;
    static final Pattern PIXEL = Pattern.compile("src=\"https?://[^/\"]+(/t/o/[A-Za-z0-9_.-]+)\"");

    @Value("${local.server.port}")
    int port;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Cadences cadences;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aManagerClonesACadenceTriesTwoWordingsOnFiveHundredImportedProspectsAndComparesThem() throws Exception {
        clock.set(TUESDAY_9AM);
        var manager = given.manager();
        var rep = given.rep();
        var tag = UUID.randomUUID().toString().substring(0, 6);
        var key = "spring-push-" + tag;
        var name = "Spring push " + tag;

        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            cloneWithTwoWordingsAndAReview(browser, key, name);
        }
        var clone = body(get(manager, "/api/v1/cadences/" + key));
        assertThat(clone.get("steps").get(1).get("variants").size())
                .as("the clone's first email has two wordings")
                .isEqualTo(2);
        assertThat(clone.get("steps").get(3).get("review").asBoolean()).isTrue();
        assertThat(clone.get("alongside").asBoolean())
                .as("the clone is the prospects' one cadence")
                .isFalse();
        var original = body(get(manager, "/api/v1/cadences/first-time-calls"))
                .get("steps")
                .get(1)
                .get("variants");
        assertThat(original == null || original.isNull() || original.isEmpty())
                .as("the original is as it was: %s", original)
                .isTrue();

        var people = importProspects(manager, rep, tag);
        assertThat(people).hasSize(IMPORTED);

        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            enrolAllInBulk(browser, rep, key);
            given.settled();
            for (var id : List.of(people.get(0), people.get(IMPORTED / 2), people.get(IMPORTED - 1))) {
                assertThat(body(get(rep, "/api/v1/prospects/" + id + "/enrolment"))
                                .get("cadence")
                                .asString())
                        .isEqualTo(key);
            }
            pauseAndResume(browser, rep, people.get(IMPORTED - 1));
        }

        // a morning of calls: the first call of 30 prospects goes unanswered; each gets the clone's first email
        var called = people.subList(0, CALLED);
        for (var id : called) {
            log(rep, id, "{\"outcome\":\"NO_ANSWER\"}");
        }
        // one of them (who neither replies nor answers below) is tried again at once: the clone's second
        // email waits for a rep's review
        var reviewed = called.get(2);
        log(rep, reviewed, "{\"outcome\":\"NO_ANSWER\"}");
        given.settled();
        var draft = jdbc.sql("select id from outbox where prospect_id = ? and status = 'REVIEW'")
                .param(reviewed)
                .query(UUID.class)
                .single();

        clock.set(TUESDAY_9AM.plus(Duration.ofMinutes(30)));
        deliverDue();
        var variantOf = new HashMap<UUID, String>();
        var step = cadences.get(key).step(2);
        for (var id : called) {
            variantOf.put(id, step.wordingFor(id, key).name());
            assertThat(receivedBy(email(id)))
                    .as("the first email went to %s", email(id))
                    .hasSize(1);
        }
        assertThat(new HashSet<>(variantOf.values()))
                .as("thirty prospects are shared between both wordings")
                .hasSize(2);

        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/outbox/" + draft);
            browser.waitFor(By.cssSelector("button[name=action][value=send]")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("done=send"));
            browser.assertNoConsoleErrors();
        }
        assertThat(statusOf(draft)).as("approved, the email goes").isEqualTo("PENDING");
        deliverDue();
        assertThat(statusOf(draft)).isEqualTo("SENT");
        assertThat(receivedBy(email(reviewed))).hasSize(2);

        // signals: every third opens the email, every fifth replies, every fourth answers the next call
        clock.set(TUESDAY_9AM.plus(Duration.ofHours(1)));
        var opened = new HashSet<UUID>();
        var replied = new HashSet<UUID>();
        var connected = new HashSet<UUID>();
        var signals = new SignalSender(port, clock);
        for (int i = 0; i < called.size(); i++) {
            var id = called.get(i);
            if (i % 3 == 0) {
                open(receivedBy(email(id)).get(0));
                opened.add(id);
            }
            if (i % 5 == 0) {
                signals.accepted(
                        """
                        {"id":"reply-%s","type":"EMAIL_REPLY","occurredAt":"%s","email":"%s","message":"Not now, thanks"}"""
                                .formatted(id, clock.instant(), email(id)));
                replied.add(id);
            }
            if (i % 4 == 1) {
                log(rep, id, "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"NURTURE\"}}");
                connected.add(id);
            }
        }
        given.settled();

        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/numbers?days=30");
            var table = variantTable(browser, name);
            var rows = rowsByVariant(table);
            assertThat(rows.keySet()).as("both wordings side by side").containsExactlyInAnyOrder("A", "B");
            for (var variant : rows.keySet()) {
                var gotIt = called.stream()
                        .filter(id -> variantOf.get(id).equals(variant))
                        .toList();
                var row = rows.get(variant);
                assertThat(row.get("Sent")).isEqualTo(String.valueOf(gotIt.size()));
                assertThat(row.get("Opened")).startsWith(rate(gotIt, opened));
                assertThat(row.get("Replied")).startsWith(rate(gotIt, replied));
                assertThat(row.get("Call connected after")).startsWith(rate(gotIt, connected));
                assertThat(row.get("Meeting booked after")).startsWith(rate(gotIt, Set.of()));
            }
            browser.assertNoConsoleErrors();
        }
    }

    /** The manager clones the first-time calls, gives the clone's first email two wordings and its second a review. */
    private void cloneWithTwoWordingsAndAReview(Browser browser, String key, String name) {
        browser.visit("/cadences/first-time-calls");
        replace(browser, By.id("copy-key"), key);
        replace(browser, By.id("copy-name"), name);
        browser.find(By.cssSelector(".copy-form button[type=submit]")).click();
        assertThat(browser.waitFor(By.cssSelector("p.notice[role=status]")).getText())
                .contains("Cloned");
        assertThat(browser.driver().getCurrentUrl()).contains("/cadences/" + key);
        replace(browser, By.id("variants-1"), "A=ftc-email-1; B=ftc-email-2");
        new Select(browser.find(By.id("review-3"))).selectByValue("yes");
        // the reviewed email may leave on the day of the first one
        replace(browser, By.id("emailsPerDay"), "2");
        browser.find(By.cssSelector("button[name=save]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("p.notice[role=status]"), "Saved."));
        assertThat(browser.find(By.id("variants-1")).getAttribute("value"))
                .contains("A=")
                .contains("B=");
        browser.assertNoConsoleErrors();
    }

    /** 500 prospects in New York, owned by the rep, imported from a CSV through the API. */
    private List<UUID> importProspects(Member manager, Member rep, String tag) throws Exception {
        var csv = new StringBuilder("Full Name,Email,Phone,Company,Country,Owner\n");
        for (int i = 0; i < IMPORTED; i++) {
            csv.append("Pat Walker %03d,pat.%03d.%s@walk.example,+1 917 555 %04d,Walk %d Inc,United States,%s\n"
                    .formatted(i, i, tag, 1000 + i, i % 40, rep.email()));
        }
        var started = mvc.post()
                .uri("/api/v1/imports")
                .header("Authorization", given.bearer(manager))
                .contentType(MediaType.valueOf("text/csv"))
                .content(csv.toString().getBytes(StandardCharsets.UTF_8))
                .exchange();
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        var location = started.getResponse().getHeader("Location");
        var deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode status;
        do {
            Thread.sleep(100);
            status = body(get(manager, location));
        } while (status.get("status").asString().equals("RUNNING") && System.nanoTime() < deadline);
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
        assertThat(status.get("imported").asLong()).isEqualTo(IMPORTED);
        given.settled();
        return jdbc.sql("select id from prospects where owner_id = ? and email like ? order by email")
                .params(rep.id(), "%." + tag + "@walk.example")
                .query(UUID.class)
                .list();
    }

    /** From the prospects list: all of the rep's prospects moved into the clone, previewed, then run to the end. */
    private void enrolAllInBulk(Browser browser, Member rep, String key) {
        browser.visit("/prospects?owner=" + rep.email());
        assertThat(browser.waitFor(By.id("bulk-title")).getText()).contains("all " + IMPORTED + " of this search");
        new Select(browser.find(By.id("bulk-action"))).selectByValue("ENROL");
        browser.find(By.cssSelector(".bulk-form button[type=submit]")).click();
        new Select(browser.waitFor(By.id("bulk-cadence"))).selectByValue(key);
        browser.find(By.cssSelector("input[name=replace][type=checkbox]")).click();
        browser.find(By.cssSelector(".bulk-fields button[type=submit]")).click();
        assertThat(browser.waitFor(By.cssSelector(".bulk-preview .summary")).getText())
                .as("the preview counts before anything changes")
                .startsWith(IMPORTED + " will be enrolled");
        browser.find(By.cssSelector(".bulk-preview button[type=submit]")).click();
        browser.waitFor(By.cssSelector("#progress"));
        // the run is a timed action on the application's clock: the test clock ticks a second at a time meanwhile
        var deadline = System.nanoTime() + Duration.ofSeconds(400).toNanos();
        while (browser.all(By.cssSelector("#progress[data-status=DONE]")).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the bulk run did not end: " + browser.text(By.cssSelector("#progress")));
            }
            clock.advance(Duration.ofSeconds(1));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(browser.text(By.cssSelector("#progress"))).contains(String.valueOf(IMPORTED));
        browser.assertNoConsoleErrors();
    }

    /** On the prospect's page: paused, the plan says so and holds no call; resumed, a call is planned again. */
    private void pauseAndResume(Browser browser, Member rep, UUID prospect) {
        browser.visit("/prospects/" + prospect);
        browser.waitFor(By.id("pause-reason")).sendKeys("On a trade fair this week");
        browser.find(By.cssSelector(".pause-form button[type=submit]")).click();
        assertThat(browser.waitFor(By.cssSelector(".paused-plan")).getText()).contains("On a trade fair this week");
        assertThat(browser.all(By.cssSelector(".planned li[data-kind=CALL]")))
                .as("paused, no call is planned")
                .isEmpty();
        assertThat(body(get(rep, "/api/v1/prospects/" + prospect + "/enrolment"))
                        .get("status")
                        .asString())
                .isEqualTo("PAUSED");

        browser.find(By.cssSelector(".resume-form button[type=submit]")).click();
        browser.waitFor(By.cssSelector(".planned li[data-kind=CALL]"));
        assertThat(browser.all(By.cssSelector(".paused-plan"))).isEmpty();
        var timeline = body(get(rep, "/api/v1/prospects/" + prospect + "/timeline"));
        assertThat(timeline.get("paused").isNull()).isTrue();
        var calls = new ArrayList<JsonNode>();
        timeline.get("planned").forEach(p -> {
            if (p.get("kind").asString().equals("CALL")) {
                calls.add(p);
            }
        });
        assertThat(calls).as("replanned from the step it stopped at").isNotEmpty();
        assertThat(Instant.parse(calls.get(0).get("at").asString())).isAfterOrEqualTo(TUESDAY_9AM);
        browser.assertNoConsoleErrors();
    }

    /** The numbers page's table of the clone's first email, found by its heading. */
    private static WebElement variantTable(Browser browser, String cadenceName) {
        return browser.all(By.cssSelector(".variant-step")).stream()
                .filter(s -> s.findElement(By.tagName("h3")).getText().equals(cadenceName + ", step 2 (email)"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no wordings compared for " + cadenceName + "'s first email"))
                .findElement(By.tagName("table"));
    }

    /** Each wording's row as column heading to cell text. */
    private static Map<String, Map<String, String>> rowsByVariant(WebElement table) {
        var headings = table.findElements(By.cssSelector("thead th")).stream()
                .map(WebElement::getText)
                .toList();
        var rows = new TreeMap<String, Map<String, String>>();
        for (var tr : table.findElements(By.cssSelector("tbody tr"))) {
            var cells = tr.findElements(By.cssSelector("th, td"));
            var row = new HashMap<String, String>();
            for (int i = 0; i < cells.size(); i++) {
                row.put(headings.get(i), cells.get(i).getText());
            }
            rows.put(cells.get(0).getText(), row);
        }
        return rows;
    }

    /** "3 (20%)": how many of those given the wording did it, and their share. */
    private static String rate(List<UUID> given, Set<UUID> did) {
        long hits = given.stream().filter(did::contains).count();
        long percent = given.isEmpty() ? 0 : Math.round(100.0 * hits / given.size());
        return hits + " (" + percent + "%)";
    }

    /** The prospect's mail program loads the email's images: its tracking pixel is fetched once. */
    private void open(jakarta.mail.internet.MimeMessage message) throws Exception {
        var parts = (jakarta.mail.Multipart) message.getContent();
        var html = parts.getBodyPart(1).getContent().toString();
        var pixel = PIXEL.matcher(html);
        assertThat(pixel.find()).as(html).isTrue();
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pixel.group(1)))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private String email(UUID prospect) {
        return jdbc.sql("select email from prospects where id = ?")
                .param(prospect)
                .query(String.class)
                .single();
    }

    private String statusOf(UUID email) {
        return jdbc.sql("select status from outbox where id = ?")
                .param(email)
                .query(String.class)
                .single();
    }

    private void log(Member member, UUID prospect, String body) {
        var result = mvc.post()
                .uri("/api/v1/prospects/" + prospect + "/calls")
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        assertThat(result.getResponse().getStatus()).as(text(result)).isEqualTo(HttpStatus.CREATED.value());
    }

    private MvcTestResult get(Member member, String uri) {
        return mvc.get().uri(uri).header("Authorization", given.bearer(member)).exchange();
    }

    private JsonNode body(MvcTestResult result) {
        assertThat(result.getResponse().getStatus()).as(text(result)).isBetween(200, 299);
        return json.readTree(text(result));
    }

    private static String text(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static void replace(Browser browser, By field, String text) {
        var input = browser.find(field);
        input.clear();
        input.sendKeys(text);
    }
}
