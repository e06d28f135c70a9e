package org.followthrough.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.common.Sql;
import org.followthrough.prospects.Prospect;
import org.followthrough.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rep's calling day in Chromium, on a laptop and on a phone: start calling, dial by the link, log a
 * no-answer, a voicemail and a booked call, skip one and snooze one, add a prospect and a note, with
 * every count on Today true and nothing wider than the screen.
 */
@ApplicationTest
class CallingDayBrowserTest {

    /** Tuesday 18 August 2026, 09:00 in New York: a business morning for the prospects below. */
    static final Instant TUESDAY_9AM = ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, ZoneId.of("America/New_York"))
            .toInstant();

    @Value("${local.server.port}")
    int port;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void businessMorning() {
        clock.set(TUESDAY_9AM);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void aCallingDay(int width) {
        var rep = given.rep();
        var people = new ArrayList<Prospect>();
        for (int i = 0; i < 5; i++) {
            people.add(dueAt(given.prospect(rep), TUESDAY_9AM.minus(Duration.ofMinutes(5 - i))));
        }
        try (var browser = Browser.open(port)) {
            browser.width(width);
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.waitFor(By.cssSelector("#queue table.queue"));
            assertThat(count(browser, "Due now")).isEqualTo(5);
            assertCountsTrue(browser);
            browser.assertNoHorizontalOverflow();

            browser.click(By.cssSelector("a.start-calling"));
            onCallOf(browser, people.get(0));
            var dial = browser.find(By.cssSelector("a.dial"));
            assertThat(dial.getAttribute("href"))
                    .isEqualTo("tel:" + people.get(0).phoneE164());
            browser.assertNoHorizontalOverflow();
            // the operating system's dialler is not there to open: the page's own reaction is what counts
            browser.script(
                    "(() => { document.querySelector('a.dial').addEventListener('click', e => e.preventDefault());"
                            + " document.querySelector('a.dial').click(); return true; })()");
            assertThat(browser.find(By.id("dialedAt")).getAttribute("value")).startsWith("2026-08-18T13:0");
            assertThat(browser.text(By.cssSelector(".dialed"))).startsWith("Call started");

            key(browser, "n");
            onCallOf(browser, people.get(1));
            assertThat(browser.text(By.cssSelector(".logged.after")))
                    .contains("FTC #1 logged for " + people.get(0).fullName());

            key(browser, "v");
            onCallOf(browser, people.get(2));
            assertThat(browser.text(By.cssSelector(".logged.after")))
                    .contains("FTC #1 logged for " + people.get(1).fullName());

            browser.click(By.cssSelector("details.next-step summary"));
            browser.waitFor(By.cssSelector("input[name=slot]"));
            browser.click(By.cssSelector("input[name=slot]"));
            browser.find(By.id("agenda")).sendKeys("the renewal numbers");
            browser.click(By.cssSelector("button[data-key=c]"));
            var booked = browser.waitFor(By.cssSelector(".logged:not(.after)")).getText();
            assertThat(booked).contains("FTC #1 logged");
            assertThat(browser.all(By.cssSelector("button[name=outcome]")))
                    .as("no outcome key is live on a call already logged")
                    .isEmpty();
            assertThat(browser.text(By.cssSelector("section.planned"))).contains("Appointment");
            browser.assertNoHorizontalOverflow();
            browser.click(By.cssSelector("a.next-call"));
            onCallOf(browser, people.get(3));

            key(browser, "s");
            onCallOf(browser, people.get(4));
            assertThat(browser.text(By.cssSelector(".logged.after")))
                    .contains("FTC #1 skipped for " + people.get(3).fullName());

            key(browser, "z");
            assertThat(browser.waitFor(By.cssSelector(".logged:not(.after)")).getText())
                    .contains("FTC #1 snoozed until Tue 18 Aug 10:0");
            assertThat(browser.all(By.cssSelector("form.outcome-form"))).isEmpty();

            assertThat(calls(people.get(0))).isEqualTo(1);
            assertThat(calls(people.get(1))).isEqualTo(1);
            assertThat(calls(people.get(2))).isEqualTo(1);
            assertThat(calls(people.get(3)) + calls(people.get(4))).isZero();

            browser.visit("/today");
            browser.waitFor(By.cssSelector("#queue"));
            assertCountsTrue(browser);
            var dueNow = browser.all(By.cssSelector("table.queue[data-section='Due now']")).stream()
                    .map(t -> t.getText())
                    .findFirst()
                    .orElse("");
            for (var p : people) {
                assertThat(dueNow).doesNotContain(p.fullName());
            }
            assertThat(browser.text(By.cssSelector("table.queue[data-section='Later today']")))
                    .contains(people.get(4).fullName());
            assertThat(browser.text(By.id("queue"))).contains("Next days (");

            browser.click(By.cssSelector("a.add-prospect"));
            browser.waitFor(By.id("fullName")).sendKeys("Jordan Reyes");
            var unique = UUID.randomUUID().toString().substring(0, 6);
            browser.find(By.id("email")).sendKeys("jordan." + unique + "@initech.example");
            browser.find(By.id("phone")).sendKeys("12");
            browser.find(By.id("company")).sendKeys("Initech");
            new Select(browser.find(By.id("decisionRole"))).selectByVisibleText("Decision maker");
            browser.assertNoHorizontalOverflow();
            browser.click(By.cssSelector("form.add-prospect-form button[type=submit]"));
            var problem = browser.waitFor(By.id("phone-error")).getText();
            assertThat(problem).isNotBlank();
            assertThat(browser.text(By.tagName("main")).split(java.util.regex.Pattern.quote(problem), -1))
                    .as("each error shown once")
                    .hasSize(2);
            assertThat(browser.find(By.id("company")).getAttribute("value"))
                    .as("nothing typed is lost")
                    .isEqualTo("Initech");
            browser.find(By.id("phone")).clear();
            browser.find(By.id("phone")).sendKeys("+1 212 555 0177");
            browser.click(By.cssSelector("form.add-prospect-form button[type=submit]"));
            browser.waitFor(By.cssSelector("a.dial"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Jordan Reyes");
            assertThat(browser.text(By.cssSelector("a.dial"))).isEqualTo("+1 212-555-0177");

            browser.find(By.id("note-text")).sendKeys("Met at the logistics fair; prefers mornings");
            browser.click(By.cssSelector("form.note-form button[type=submit]"));
            assertThat(browser.waitFor(By.cssSelector(".note-form .notice")).getText())
                    .isEqualTo("Note added.");
            assertThat(browser.text(By.cssSelector("section.history")))
                    .contains("Met at the logistics fair; prefers mornings");
            browser.assertNoHorizontalOverflow();

            browser.visit("/today");
            browser.waitFor(By.cssSelector("#queue"));
            assertCountsTrue(browser);
            assertThat(browser.text(By.id("queue"))).contains("Jordan Reyes");
            browser.assertNoHorizontalOverflow();
            browser.assertNoConsoleErrors();
        }
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void skipAndSnoozeFromTodayDialAndNoteOnTheCallScreen(int width) throws Exception {
        var rep = given.rep();
        var people = new ArrayList<Prospect>();
        for (int i = 0; i < 5; i++) {
            people.add(dueAt(given.prospect(rep), TUESDAY_9AM.minus(Duration.ofMinutes(5 - i))));
        }
        try (var browser = Browser.open(port)) {
            browser.width(width);
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.waitFor(By.cssSelector("#queue table.queue"));
            assertCountsTrue(browser);
            assertCountsAsTheApiSays(browser, rep.email());

            // skipped from its row on Today, with a reason: it leaves the queue (the cadence goes on), Today says so
            var skipped = openTask(people.get(0));
            rowAction(browser, people.get(0), "Skip or snooze");
            new Select(browser.waitFor(By.id("skip-" + skipped))).selectByVisibleText("Needs research before the call");
            browser.click(By.xpath(row(people.get(0)) + "//form[contains(@class,'row-skip')]//button"));
            assertThat(browser.waitFor(By.cssSelector(".logged.after")).getText())
                    .isEqualTo("FTC #1 skipped for " + people.get(0).fullName() + ".");
            assertThat(browser.all(By.cssSelector("tr[data-task='" + skipped + "']")))
                    .as("the call skipped")
                    .isEmpty();
            assertCountsTrue(browser);
            assertCountsAsTheApiSays(browser, rep.email());
            browser.assertNoHorizontalOverflow();

            // snoozed from its row for three hours: it moves to later today
            var snoozed = openTask(people.get(1));
            rowAction(browser, people.get(1), "Skip or snooze");
            new Select(browser.waitFor(By.id("snooze-" + snoozed))).selectByVisibleText("For three hours");
            if (width < 500) {
                browser.screenshot("calling-day-today-row-390");
            }
            browser.click(By.xpath(row(people.get(1)) + "//form[contains(@class,'row-snooze')]//button"));
            assertThat(browser.waitFor(By.cssSelector(".logged.after")).getText())
                    .startsWith("FTC #1 snoozed until Tue 18 Aug 12:0")
                    .endsWith(" for " + people.get(1).fullName() + ".");
            assertThat(browser.text(By.cssSelector("table.queue[data-section='Later today']")))
                    .contains(people.get(1).fullName());
            assertCountsTrue(browser);
            assertCountsAsTheApiSays(browser, rep.email());
            browser.assertNoHorizontalOverflow();

            // start calling, dial by the link: the time it was opened is the call's start once logged
            browser.click(By.cssSelector("a.start-calling"));
            onCallOf(browser, people.get(2));
            assertThat(browser.find(By.cssSelector("a.dial")).getAttribute("href"))
                    .isEqualTo("tel:" + people.get(2).phoneE164());
            browser.script(
                    "(() => { document.querySelector('a.dial').addEventListener('click', e => e.preventDefault());"
                            + " document.querySelector('a.dial').click(); return true; })()");
            var dialed = browser.find(By.id("dialedAt")).getAttribute("value");
            assertThat(dialed).isNotBlank();
            browser.click(By.cssSelector("button[name=outcome][value=NO_ANSWER]"));
            onCallOf(browser, people.get(3));
            assertThat(startedAt(people.get(2)))
                    .as("the call logged starts when the link was opened")
                    .isEqualTo(Instant.parse(dialed).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

            // a note from the call screen: the prospect page's own form, back on the same call
            var task = browser.find(By.cssSelector("#outcome-form input[name=taskId]"))
                    .getAttribute("value");
            browser.find(By.id("note-text")).sendKeys("Asked for the price list by email first");
            browser.click(By.cssSelector("form.note-form button[type=submit]"));
            assertThat(browser.waitFor(By.cssSelector(".note-form .notice")).getText())
                    .isEqualTo("Note added.");
            onCallOf(browser, people.get(3));
            assertThat(browser.driver().getCurrentUrl()).contains("/call?task=" + task);
            assertThat(browser.find(By.cssSelector("#outcome-form input[name=taskId]"))
                            .getAttribute("value"))
                    .as("the call is still the one opened")
                    .isEqualTo(task);
            assertThat(browser.text(By.cssSelector("section.history")))
                    .contains("Asked for the price list by email first");
            browser.assertNoHorizontalOverflow();
            if (width < 500) {
                browser.screenshot("calling-day-call-note-390");
            }
            browser.click(By.cssSelector("button[name=outcome][value=VOICEMAIL]"));
            onCallOf(browser, people.get(4));

            browser.visit("/today");
            browser.waitFor(By.cssSelector("#queue"));
            assertCountsTrue(browser);
            assertCountsAsTheApiSays(browser, rep.email());
            var last = openTask(people.get(4));
            assertThat(browser.find(By.cssSelector("tr[data-task='" + last + "']"))
                            .getText())
                    .contains(people.get(4).fullName());
            browser.assertNoHorizontalOverflow();
            if (width < 500) {
                browser.screenshot("calling-day-today-390");
            }
            browser.assertNoConsoleErrors();
        }
    }

    /**
     * Today's counts are the API's: the calls {@code GET /api/v1/queue} says may be made now are due now
     * or overdue, the rest are later today or the next days.
     */
    private void assertCountsAsTheApiSays(Browser browser, String email) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var answer = client.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/queue?limit=500"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString((email + ":" + Given.PASSWORD)
                                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        var now = clock.instant();
        int due = 0;
        int later = 0;
        var at = java.util.regex.Pattern.compile("\"dueAt\":\"([^\"]+)\"").matcher(answer);
        while (at.find()) {
            if (java.time.OffsetDateTime.parse(at.group(1)).toInstant().isAfter(now)) {
                later++;
            } else {
                due++;
            }
        }
        assertThat(count(browser, "Due now") + count(browser, "Overdue"))
                .as("calls that may be made now")
                .isEqualTo(due);
        assertThat(count(browser, "Later today") + count(browser, "Next days"))
                .as("calls for later")
                .isEqualTo(later);
    }

    /** Opens the row's folded actions. */
    private static void rowAction(Browser browser, Prospect prospect, String summary) {
        browser.click(By.xpath(row(prospect) + "//summary[normalize-space()='" + summary + "']"));
    }

    private static String row(Prospect prospect) {
        return "//tr[.//a[contains(@class,'prospect') and normalize-space()='" + prospect.fullName() + "']]";
    }

    private UUID openTask(Prospect prospect) {
        return jdbc.sql("select id from tasks where prospect_id = ? and status = 'OPEN'")
                .param(prospect.id())
                .query((rs, n) -> Sql.uuid(rs, "id"))
                .single();
    }

    private Instant startedAt(Prospect prospect) {
        return jdbc.sql("select at from touches where prospect_id = ? and kind = 'CALL'")
                .param(prospect.id())
                .query((rs, n) -> Sql.instant(rs, "at"))
                .single()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** Every section's count is the number of calls it lists (fewer than a page here). */
    private static void assertCountsTrue(Browser browser) {
        for (var heading : browser.all(By.cssSelector("#queue h2"))) {
            var title = heading.getText().replaceAll(" \\(.*", "");
            var rows = browser.all(By.cssSelector("table.queue[data-section='" + title + "'] tbody tr"));
            assertThat(Integer.parseInt(heading.getAttribute("data-count")))
                    .as(title)
                    .isEqualTo(rows.size());
        }
    }

    private static int count(Browser browser, String section) {
        return browser.all(By.cssSelector("#queue h2")).stream()
                .filter(h -> h.getText().startsWith(section + " ("))
                .map(h -> Integer.parseInt(h.getAttribute("data-count")))
                .findFirst()
                .orElse(0);
    }

    private static void onCallOf(Browser browser, Prospect prospect) {
        browser.waitFor(By.cssSelector("section.script .opening"));
        assertThat(browser.text(By.tagName("h1"))).contains(prospect.fullName());
    }

    private static void key(Browser browser, String key) {
        var before = browser.driver().getCurrentUrl();
        browser.find(By.tagName("h1")).click();
        browser.find(By.tagName("body")).sendKeys(key);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().equals(before));
    }

    private int calls(Prospect prospect) {
        return jdbc.sql("select count(*) from touches where prospect_id = ? and kind = 'CALL'")
                .param(prospect.id())
                .query(Integer.class)
                .single();
    }

    private Prospect dueAt(Prospect prospect, Instant at) {
        jdbc.sql("update tasks set due_at = ? where prospect_id = ? and status = 'OPEN'")
                .params(Sql.ts(at), prospect.id())
                .update();
        return prospect;
    }
}
