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
