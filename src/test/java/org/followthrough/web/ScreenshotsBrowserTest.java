package org.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.common.Sql;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Saves the README's pictures of the main pages to {@code docs/screenshots/}, at 1280x800, with a
 * team and prospects named as a real team's would be, on a Tuesday morning in New York.
 */
@ApplicationTest
class ScreenshotsBrowserTest {

    static final Instant TUESDAY_9AM = ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, ZoneId.of("America/New_York"))
            .toInstant();

    @Value("${local.server.port}")
    int port;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    Team team;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theMainPagesAsATeamSeesThem() throws IOException {
        clock.set(TUESDAY_9AM);
        var manager = given.member(Role.MANAGER, "Morgan Avery", "+1 212 555 0142");
        var rep = given.member(Role.REP, "Riley Morgan", "+1 212 555 0163");
        var dana = dueAt(given.named(rep, "Dana Cruz", "VP Operations", "Acme Logistics", "DECISION_MAKER"), -3);
        dueAt(given.named(rep, "Priya Raman", "Head of Finance", "Globex", "INFLUENCER"), -1);
        dueAt(given.named(rep, "Sam Okafor", "Operations Manager", "Initech", "UNKNOWN"), -55);
        dueAt(given.named(rep, "Lena Fischer", "CFO", "Umbrella Freight", "DECISION_MAKER"), 150);
        dueAt(given.named(rep, "Marco Silva", "Logistics Director", "Soylent Shipping", "UNKNOWN"), 26 * 60);
        var original = team.organisation();
        team.changeOrganisation(
                manager.asActor(),
                "Northwind Sales",
                original.country(),
                original.timeZone().getId());
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.waitFor(By.cssSelector("table.queue[data-section='Overdue']"));
            browser.screenshot("today");

            browser.find(By.linkText(dana.fullName())).click();
            browser.waitFor(By.cssSelector("section.script .voicemail-script"));
            browser.screenshot("call-screen");

            browser.click(By.cssSelector("details.next-step summary"));
            browser.waitFor(By.cssSelector("input[name=slot]")).click();
            browser.find(By.id("agenda")).sendKeys("walk through the renewal numbers with their CFO");
            browser.find(By.cssSelector("button[data-key=c]")).click();
            browser.waitFor(By.cssSelector(".logged"));
            browser.screenshot("call-booked");

            browser.visit("/prospects");
            browser.waitFor(By.cssSelector("table.grid"));
            browser.screenshot("prospects");
            browser.find(By.linkText("Priya Raman")).click();
            browser.waitFor(By.id("fullName"));
            browser.screenshot("prospect");

            browser.visit("/numbers");
            assertThat(browser.all(By.cssSelector("table.heat td.heat-5")))
                    .as("the call that booked Dana connected")
                    .isNotEmpty();
            assertThat(browser.script("(() => document.documentElement.scrollWidth <= window.innerWidth)()"))
                    .as("nothing scrolls sideways at 1280 wide")
                    .isEqualTo(true);
            browser.screenshot("numbers");

            // the same pages on a tablet and a phone: one column, nothing scrolls sideways
            for (int width : new int[] {768, 390}) {
                browser.width(width);
                for (var page : java.util.List.of(
                        "/today", "/prospects/" + dana.id() + "/call", "/prospects/" + dana.id(), "/numbers")) {
                    browser.visit(page);
                    browser.waitFor(By.cssSelector("main h1"));
                    browser.assertNoHorizontalOverflow();
                    if (width == 390) {
                        var name = page.equals("/today")
                                ? "today"
                                : page.equals("/numbers")
                                        ? "numbers"
                                        : page.endsWith("/call") ? "call-screen" : "prospect";
                        browser.screenshot(name + "-390");
                    }
                }
            }
            browser.width(1280);
            browser.assertNoConsoleErrors();
        }
        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            assertThat(browser.find(By.cssSelector("header.top")).getSize().getHeight())
                    .as("the header is one line")
                    .isLessThan(60);
            previewMissedAppointment(browser);
            browser.screenshot("cadence-preview");

            browser.visit("/templates");
            browser.find(By.linkText("ftc-voicemail-2")).click();
            browser.waitFor(By.id("body"));
            browser.script("(() => { const b = document.getElementById('body'); b.value += ' I was just checking in.';"
                    + " b.dispatchEvent(new Event('input', {bubbles: true})); return true; })()");
            browser.waitFor(By.cssSelector("#findings li[data-rule='blunder.just-checking-in']"));
            browser.screenshot("template-editor");

            importAFile(browser, manager.email());
            browser.screenshot("import-progress");

            browser.visit("/outbox?status=PENDING");
            browser.waitFor(By.cssSelector("table.outbox"));
            // the suite shares one database: the picture keeps only this team's email
            browser.script("(() => { for (const row of document.querySelectorAll('table.outbox tbody tr'))"
                    + " if (!/Riley Morgan|Morgan Avery/.test(row.textContent)) row.remove(); return true; })()");
            assertThat(browser.all(By.cssSelector("table.outbox tbody tr"))).isNotEmpty();
            browser.screenshot("outbox");

            browser.visit("/settings");
            browser.waitFor(By.cssSelector("#email-settings .smtp-status"));
            browser.waitFor(By.cssSelector("#calling-rules .standard-window"));
            browser.screenshot("settings");
            browser.assertNoConsoleErrors();
        } finally {
            team.changeOrganisation(
                    manager.asActor(),
                    original.name(),
                    original.country(),
                    original.timeZone().getId());
        }
    }

    private static void previewMissedAppointment(Browser browser) {
        browser.visit("/cadences");
        browser.find(By.linkText("Missed appointment")).click();
        browser.waitFor(By.cssSelector("#timeline tr.step-row"));
        browser.script("(() => { document.getElementById('start').value = '2026-08-18T10:00'; return true; })()");
        new Select(browser.find(By.id("outcome-1"))).selectByValue("NO_ANSWER");
        browser.find(By.cssSelector(".preview-form button[type=submit]")).click();
        browser.waitFor(By.xpath("//td[@class='local-time' and text()='10:10']"), Duration.ofSeconds(10));
        browser.script("(() => { document.getElementById('preview-title').scrollIntoView(); return true; })()");
    }

    private static void importAFile(Browser browser, String owner) throws IOException {
        var file = Files.createTempFile("crm-export", ".csv");
        var rows = new StringBuilder("First Name,Last Name,Email Address,Phone Number,Company Name,Country,Owner\n");
        var names = new String[] {"Avery Chen", "Jamie Ortiz", "Noor Haddad", "Tomas Novak", "Keiko Sato"};
        for (int i = 0; i < 120; i++) {
            var name = names[i % names.length].split(" ");
            var email = i % 9 == 4 ? "no email given" : name[0].toLowerCase() + "." + i + "@hooli.example";
            rows.append(name[0])
                    .append(',')
                    .append(name[1])
                    .append(' ')
                    .append(i)
                    .append(',')
                    .append(email)
                    .append(",+1 415 555 ")
                    .append(String.format("%04d", 3000 + i))
                    .append(",Hooli,United States,")
                    .append(owner)
                    .append('\n');
        }
        Files.writeString(file, rows, StandardCharsets.UTF_8);
        try {
            browser.visit("/imports");
            browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.find(By.cssSelector(".upload-form button[type=submit]")).click();
            browser.waitFor(By.cssSelector("#progress[data-status=DONE]"), Duration.ofSeconds(30));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Moves the prospect's open call this many minutes from now (negative: due, or overdue). */
    private Prospect dueAt(Prospect prospect, int minutes) {
        jdbc.sql("update tasks set due_at = ? where prospect_id = ? and status = 'OPEN'")
                .params(Sql.ts(TUESDAY_9AM.plus(Duration.ofMinutes(minutes))), prospect.id())
                .update();
        return prospect;
    }
}
