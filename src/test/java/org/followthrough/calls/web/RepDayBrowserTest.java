package org.followthrough.calls.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.calls.TaskKind;
import org.followthrough.calls.TaskRaised;
import org.followthrough.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;

/** A rep works their day in a real browser: the queue, the call screen, a booked appointment, live alerts. */
@ApplicationTest
class RepDayBrowserTest {

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
    ApplicationEventPublisher events;

    @BeforeEach
    void businessMorning() {
        clock.set(TUESDAY_9AM);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aNoAnswerFromTheQueuePlansTheNextAttempt() {
        var rep = given.rep();
        var prospect = given.enrolled(given.prospect(rep));
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/today");
            browser.waitFor(By.linkText(prospect.fullName()));
            assertThat(browser.text(By.cssSelector("table.queue"))).contains("FTC #1");
            browser.screenshot("today");

            browser.find(By.linkText(prospect.fullName())).click();
            browser.waitFor(By.cssSelector("section.script .opening"));
            assertThat(browser.text(By.cssSelector("h1"))).contains("FTC #1");
            browser.screenshot("call-screen");

            browser.find(By.tagName("body")).sendKeys("n");
            assertThat(browser.waitFor(By.cssSelector(".logged")).getText()).contains("FTC #1 logged");
            assertThat(browser.text(By.cssSelector("section.planned"))).contains("FTC #2");
            assertThat(browser.text(By.cssSelector("section.history"))).contains("NO_ANSWER");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void aConnectedCallBooksAProposedSlotAndTheReminderIsPlanned() {
        var rep = given.rep();
        var prospect = given.enrolled(given.prospect(rep));
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/prospects/" + prospect.id() + "/call");
            browser.find(By.cssSelector("details.next-step summary")).click();
            browser.waitFor(By.cssSelector("input[name=slot]")).click();
            browser.find(By.id("agenda")).sendKeys("walk through the renewal numbers");
            browser.find(By.id("pains")).sendKeys("renewals slip" + Keys.ENTER + "manual reports");
            browser.find(By.cssSelector("button[data-key=c]")).click();

            assertThat(browser.waitFor(By.cssSelector(".logged")).getText()).contains("logged");
            var planned = browser.text(By.cssSelector("section.planned"));
            assertThat(planned).contains("Appointment");
            assertThat(browser.all(By.cssSelector("section.planned li[data-kind=EMAIL]")))
                    .as("the thank-you and the reminder before the appointment")
                    .isNotEmpty();
            assertThat(planned)
                    .as("the reminder goes out the business day before the Wednesday appointment, at 10:00 their time")
                    .contains("Telephone appointment for August 19")
                    .contains("Tue 18 Aug 10:00");
            browser.screenshot("call-booked");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void theProspectsPageFindsOnlyTheRepsOwn() {
        var rep = given.rep();
        var mine = given.prospect(rep);
        var theirs = given.prospect(given.rep());
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/prospects?q=" + mine.email());
            assertThat(browser.text(By.tagName("main"))).contains(mine.fullName());
            browser.visit("/prospects?q=" + theirs.email());
            assertThat(browser.text(By.tagName("main")))
                    .doesNotContain(theirs.fullName())
                    .contains("No prospect matches");
            browser.screenshot("prospects");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void aRepCannotOpenAnotherRepsCallScreen() {
        var rep = given.rep();
        var theirs = given.prospect(given.rep());
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/prospects/" + theirs.id() + "/call");
            assertThat(browser.find(By.tagName("main")).getText())
                    .doesNotContain(theirs.fullName())
                    .contains("404");
        }
    }

    @Test
    void aNewInquiryIsAnnouncedLiveOnToday() throws InterruptedException {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.waitFor(By.cssSelector("#queue"));
            Thread.sleep(1_000); // the page opens its live stream once loaded
            events.publishEvent(new TaskRaised(
                    java.util.UUID.randomUUID(),
                    prospect.id(),
                    rep.id(),
                    TaskKind.INBOUND,
                    prospect.fullName(),
                    "web inquiry: wants a demo",
                    clock.instant()));
            var alert = browser.waitFor(By.id("live-alert"));
            assertThat(alert.getText()).contains("New inquiry").contains("wants a demo");
            browser.assertNoConsoleErrors();
        }
    }
}
