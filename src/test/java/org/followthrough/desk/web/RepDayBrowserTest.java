package org.followthrough.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.SignalSender;
import org.followthrough.TestClock;
import org.followthrough.appointments.AppointmentChanges;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.calls.CallLog;
import org.followthrough.common.Sql;
import org.followthrough.prospects.Prospect;
import org.followthrough.touches.LogCall;
import org.followthrough.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

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
    CallLog calls;

    @Autowired
    AppointmentChanges appointments;

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

    @Test
    void aNoAnswerFromTheQueuePlansTheNextAttempt() {
        var rep = given.rep();
        var prospect = given.enrolled(given.prospect(rep));
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/today");
            browser.waitFor(By.linkText(prospect.fullName()));
            assertThat(browser.text(By.cssSelector("table.queue"))).contains("FTC #1");

            browser.find(By.linkText(prospect.fullName())).click();
            browser.waitFor(By.cssSelector("section.script .opening"));
            assertThat(browser.text(By.cssSelector("h1"))).contains("FTC #1");
            assertThat(browser.text(By.cssSelector("section.planned")))
                    .as("planned steps in words, without the task's code")
                    .contains("First-time calls")
                    .doesNotContain("FIRST_TIME_CALL");

            browser.find(By.id("notes")).sendKeys("rang out twice");
            browser.find(By.tagName("h1")).click();
            browser.find(By.tagName("body")).sendKeys("n");
            assertThat(browser.waitFor(By.cssSelector(".logged")).getText()).contains("FTC #1 logged");
            assertThat(browser.text(By.cssSelector("section.planned"))).contains("FTC #2");
            assertThat(browser.text(By.cssSelector("section.history")))
                    .contains("No answer", "rang out twice")
                    .doesNotContain("NO_ANSWER");
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
            browser.click(By.cssSelector("details.next-step summary"));
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
            browser.assertNoConsoleErrorsBut("404");
        }
    }

    @Test
    void todayGroupsTheQueueAsDueNowOverdueLaterTodayAndTheNextDays() {
        var rep = given.rep();
        var dueNow = dueAt(given.prospect(rep), TUESDAY_9AM.minus(Duration.ofMinutes(2)));
        var overdue = dueAt(given.prospect(rep), TUESDAY_9AM.minus(Duration.ofMinutes(50)));
        var laterToday = dueAt(given.prospect(rep), TUESDAY_9AM.plus(Duration.ofHours(3)));
        var nextDays = dueAt(given.prospect(rep), TUESDAY_9AM.plus(Duration.ofHours(25)));
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.waitFor(By.cssSelector("#queue table.queue"));
            assertThat(section(browser, "Due now")).contains(dueNow.fullName()).doesNotContain("late");
            assertThat(section(browser, "Overdue")).contains(overdue.fullName(), "50 min late");
            assertThat(section(browser, "Later today")).contains(laterToday.fullName(), "Tue 12:00");
            assertThat(section(browser, "Next days")).contains(nextDays.fullName(), "Wed 10:00");
            assertThat(browser.all(By.cssSelector("#queue h2")).stream()
                            .map(h -> h.getText().replaceAll(" \\(.*", ""))
                            .toList())
                    .containsExactly("Due now", "Overdue", "Later today", "Next days");

            // a refresh that finds nothing new leaves the part, and the keyboard focus, where they were
            browser.script("(() => { document.querySelector('#queue a.prospect').focus(); window.refreshed = [];"
                    + " document.body.addEventListener('htmx:afterRequest', e => window.refreshed.push(e.detail.xhr.status));"
                    + " document.body.dispatchEvent(new Event('queue-changed')); return true; })()");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> ((List<?>) browser.script("window.refreshed")).size() > 0);
            assertThat(((List<?>) browser.script("window.refreshed")).get(0)).isEqualTo(204L);
            assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo(dueNow.fullName());
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void theCallScreenShowsThisAttemptsVoicemailWithTheRepsPhone() {
        var rep = given.repWithPhone("+1 212 555 0188");
        var prospect = given.prospect(rep);
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/prospects/" + prospect.id() + "/call");
            assertThat(browser.text(By.cssSelector("section.script"))).contains("Voicemail for this attempt");
            assertThat(browser.text(By.cssSelector(".voicemail-script")).replaceAll("[^0-9]", ""))
                    .contains("2125550188");
            assertThat(browser.all(By.cssSelector(".findings"))).isEmpty();
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void theCallScreenWarnsWhenNobodyWhoDecidesIsEngaged() {
        var rep = given.rep();
        var prospect = given.named(rep, "Jordan Blake", "Operations Analyst", "Globex", "INFLUENCER");
        calls.log(
                rep.asActor(), prospect.id(), connected(new LogCall.NextStep(null, null, null, "NURTURE", null, null)));
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/prospects/" + prospect.id() + "/call");
            assertThat(browser.text(By.cssSelector(".findings"))).contains("No decision maker is engaged at Globex");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void givingUpTooEarlyAsksForConfirmationOnlyAfterTheEngineRefusedAndKeepsWhatWasEntered() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/prospects/" + prospect.id() + "/call");
            assertThat(browser.all(By.id("confirm")))
                    .as("no confirmation ticked in advance")
                    .isEmpty();
            browser.click(By.cssSelector("details.next-step summary"));
            new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("stage"))).selectByValue("LOST");
            browser.find(By.id("reason")).sendKeys("chose a competitor");
            browser.find(By.id("notes")).sendKeys("signed with Initech last week");
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("objectionCategory"))).selectByValue("TIMING");
            assertThat(browser.find(By.cssSelector(".playbooks details[data-category=TIMING]"))
                            .getAttribute("open"))
                    .as("naming the objection opens its playbook")
                    .isNotNull();
            browser.find(By.cssSelector("button[data-key=c]")).click();

            var refusal = browser.waitFor(By.cssSelector(".confirm-lost"));
            assertThat(refusal.getText()).contains("follow-up", "five or more");
            assertThat(browser.find(By.id("reason")).getAttribute("value")).isEqualTo("chose a competitor");
            assertThat(browser.find(By.id("notes")).getAttribute("value")).isEqualTo("signed with Initech last week");
            assertThat(browser.all(By.cssSelector(".logged"))).isEmpty();

            assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                    .as("the question has the focus")
                    .isEqualTo("confirm");
            browser.find(By.id("confirm")).click();
            browser.find(By.cssSelector("button[data-key=c]")).click();
            assertThat(browser.waitFor(By.cssSelector(".logged")).getText()).contains("logged");
            assertThat(browser.text(By.cssSelector("main > p.muted"))).contains("stage Lost");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void theSameFormSentTwiceLogsTheCallOnce() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/prospects/" + prospect.id() + "/call");
            var taskId = browser.find(By.name("taskId")).getAttribute("value");
            assertThat(taskId).as("the form names the task it logs").isNotBlank();
            var second = (String)
                    browser.driver()
                            .executeAsyncScript(
                                    """
                    const done = arguments[arguments.length - 1];
                    const form = document.querySelector('form.outcome-form');
                    const send = () => { const data = new FormData(form); data.set('outcome', 'NO_ANSWER');
                        return fetch(form.action, {method: 'POST', body: new URLSearchParams(data)}).then(r => r.text()); };
                    send().then(send).then(done);""");
            assertThat(second).contains("This call was already logged");
            browser.visit("/prospects/" + prospect.id() + "/call");
            assertThat(browser.all(By.cssSelector("section.history li"))).hasSize(1);
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void aSlotTheBrowserShouldNotHaveSentIsAFieldError() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/prospects/" + prospect.id() + "/call");
            var page = (String)
                    browser.driver()
                            .executeAsyncScript(
                                    """
                    const done = arguments[arguments.length - 1];
                    const form = document.querySelector('form.outcome-form');
                    const data = new FormData(form); data.set('outcome', 'CONNECTED'); data.set('slot', 'next tuesday');
                    fetch(form.action, {method: 'POST', body: new URLSearchParams(data)})
                        .then(r => r.text().then(t => done(r.status + t)));""");
            assertThat(page).startsWith("200").contains("slot-error", "is not one of the proposed times");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void shortcutsWaitForANextStepAskBeforeAWrongNumberAndCanBeTurnedOff() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/prospects/" + prospect.id() + "/call");
            browser.find(By.tagName("h1")).click();
            browser.find(By.tagName("body")).sendKeys("c");
            assertThat(browser.find(By.cssSelector("details.next-step")).getAttribute("open"))
                    .as("c opens the next-step picker instead of logging a connected call without one")
                    .isNotNull();
            assertThat(browser.driver().switchTo().activeElement().getAttribute("name"))
                    .isEqualTo("slot");

            browser.find(By.tagName("h1")).click();
            browser.find(By.tagName("body")).sendKeys("w");
            var question = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
            assertThat(question.getText()).contains("wrong number");
            question.dismiss();
            assertThat(browser.all(By.cssSelector(".logged"))).isEmpty();

            browser.find(By.id("shortcuts-on")).click();
            browser.visit("/prospects/" + prospect.id() + "/call");
            assertThat(browser.find(By.id("shortcuts-on")).isSelected())
                    .as("the choice is kept")
                    .isFalse();
            var handled = browser.script(
                    "!document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'n', bubbles: true, cancelable: true}))");
            assertThat(handled).as("a key does nothing with shortcuts off").isEqualTo(false);
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void aRealInquiryTopsTheQueueLiveAndIsAnnouncedOnEveryPage() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        var other = given.prospect(rep);
        var signals = new SignalSender(port, clock);
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.waitFor(By.cssSelector("#queue"));
            awaitStream(browser);
            browser.find(By.tagName("h1")).click(); // a gesture, after which the browser lets a page play sound

            signals.accepted(inquiry(prospect, "Can we see a demo this week?"));
            var alert = browser.waitFor(By.cssSelector(".live-alert.inbound"));
            assertThat(alert.getText()).contains("New inquiry", prospect.fullName(), "demo this week");
            var top = browser.waitFor(
                    By.xpath("//table[@data-section='Due now']//tbody/tr[1][@data-kind='INBOUND']//a[text()='"
                            + prospect.fullName() + "']"));
            assertThat(top.getAttribute("href")).contains("/prospects/" + prospect.id() + "/call");
            assertThat(((Number) browser.script("window.FollowThrough.sounds")).intValue())
                    .as("the alert was played")
                    .isPositive();
            assertThat(browser.script("window.FollowThrough.soundState()")).isEqualTo("running");

            browser.visit("/prospects");
            awaitStream(browser);
            signals.accepted(inquiry(other, "Please call me back"));
            var elsewhere = browser.waitFor(By.cssSelector(".live-alert.inbound"));
            assertThat(elsewhere.getText()).contains(other.fullName());
            elsewhere.findElement(By.linkText("Call now")).click();
            browser.waitFor(By.cssSelector("section.script .opening"));
            assertThat(browser.driver().getCurrentUrl()).contains("/prospects/" + other.id() + "/call");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void anAppointmentIsAnnouncedFiveMinutesBeforeOnAnyPageUntilItsCallIsLogged() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        var slot = appointments.slots(rep.asActor(), prospect.id(), 1).get(0).at();
        calls.log(
                rep.asActor(),
                prospect.id(),
                connected(new LogCall.NextStep(
                        slot.atOffset(java.time.ZoneOffset.UTC), "pricing walk-through", null, null, null, null)));
        // four seconds before the announcement is due: the page's own timer has to bring it
        clock.set(slot.minus(Duration.ofMinutes(5)).minusSeconds(4));
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/prospects");
            browser.find(By.tagName("h1")).click();
            var announcement = browser.waitFor(By.cssSelector(".live-alert.appointment"), Duration.ofSeconds(20));
            assertThat(announcement.getText()).contains("Appointment at", prospect.fullName());
            assertThat(Instant.parse(announcement.getAttribute("data-shown-at")))
                    .as("shown five minutes before, not at once")
                    .isAfterOrEqualTo(slot.minus(Duration.ofMinutes(5)));
            assertThat(((Number) browser.script("window.FollowThrough.sounds")).intValue())
                    .isPositive();

            browser.visit("/cadences");
            assertThat(browser.waitFor(By.cssSelector(".live-alert.appointment"))
                            .getText())
                    .as("still shown on the next page")
                    .contains(prospect.fullName());
            browser.find(By.cssSelector(".live-alert.appointment a.button")).click();
            browser.waitFor(By.cssSelector("section.script .opening"));
            browser.find(By.tagName("h1")).click();
            browser.find(By.tagName("body")).sendKeys("n");
            browser.waitFor(By.cssSelector(".logged"));
            awaitAppointments(browser);
            assertThat(browser.all(By.cssSelector(".live-alert.appointment")))
                    .as("gone once its call is logged")
                    .isEmpty();
            browser.assertNoConsoleErrors();
        }
    }

    private static LogCall connected(LogCall.NextStep next) {
        return new LogCall(
                CallOutcome.CONNECTED, null, null, null, List.of(), List.of(), List.of(), null, next, null, null);
    }

    private Prospect dueAt(Prospect prospect, Instant at) {
        jdbc.sql("update tasks set due_at = ? where prospect_id = ? and status = 'OPEN'")
                .params(Sql.ts(at), prospect.id())
                .update();
        return prospect;
    }

    private static String section(Browser browser, String title) {
        return browser.text(By.cssSelector("table.queue[data-section='" + title + "']"));
    }

    private static void awaitStream(Browser browser) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d ->
                        Boolean.TRUE.equals(browser.script("window.FollowThrough && window.FollowThrough.listening")));
    }

    private static void awaitAppointments(Browser browser) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> browser.script("window.FollowThrough && window.FollowThrough.appointmentsLoaded") != null);
    }

    private static String inquiry(Prospect prospect, String message) {
        return """
                {"id":"form-%s","type":"INQUIRY","occurredAt":"2026-08-18T08:59:00-04:00","email":"%s",
                 "name":"%s","message":"%s"}"""
                .formatted(UUID.randomUUID(), prospect.email(), prospect.fullName(), message);
    }
}
