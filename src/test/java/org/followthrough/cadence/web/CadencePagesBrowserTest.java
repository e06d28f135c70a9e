package org.followthrough.cadence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.web.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

@ApplicationTest
class CadencePagesBrowserTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Given given;

    @Test
    void aManagerPreviewsTheMissedAppointmentCadenceAndSeesEachStepOnTheDayAxis() {
        var manager = given.manager();
        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/cadences");
            browser.find(By.linkText("Missed appointment")).click();
            browser.waitFor(By.cssSelector("#timeline tr.step-row"));

            var start = browser.find(By.id("start"));
            start.clear();
            browser.driver().executeScript("arguments[0].value = '2026-08-18T10:00'", start);
            replace(browser, By.id("timeZone"), "America/New_York");
            replace(browser, By.id("country"), "US");
            new Select(browser.find(By.id("outcome-1"))).selectByValue("NO_ANSWER");
            browser.find(By.cssSelector(".preview-form button[type=submit]")).click();
            browser.waitFor(By.xpath("//td[@class='local-time' and text()='10:10']"), Duration.ofSeconds(10));

            var rows = browser.all(By.cssSelector("#timeline tr.step-row"));
            assertThat(rows)
                    .as("R12: M1 voicemail, calls at +10 min and +4 h, four more calls")
                    .hasSize(7);
            // M1 is left on the appointment's own call, the first follow-up, as the live labels count it
            assertThat(rows.get(0).getText()).contains("Follow-up #1", "Voicemail", "Tue 18 Aug", "10:00");
            assertThat(rows.get(1).getText()).contains("Follow-up #2", "Call", "10:10");
            assertThat(rows.get(2).getText()).contains("Follow-up #3", "14:00");
            assertThat(browser.all(By.cssSelector("#timeline svg.lane rect.mark")))
                    .hasSize(7);
            var firstX = Double.parseDouble(
                    rows.get(0).findElement(By.cssSelector("rect.mark")).getAttribute("x"));
            var lastX = Double.parseDouble(
                    rows.get(6).findElement(By.cssSelector("rect.mark")).getAttribute("x"));
            assertThat(lastX).as("the last call lies days later on the axis").isGreaterThan(firstX + 500);
            assertThat(browser.text(By.cssSelector(".plan-end"))).contains("NURTURE");
            browser.driver().executeScript("document.getElementById('preview-title').scrollIntoView()");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void aManagerSeesAStepProblemNextToItsFieldAndKeepsWhatTheyTyped() {
        var manager = given.manager();
        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/cadences/post-sale");
            browser.find(By.cssSelector("button[name=add]")).click();
            var rows = browser.all(By.cssSelector("table.steps tbody tr"));
            var added = rows.size() - 1;
            new Select(browser.find(By.id("channel-" + added))).selectByValue("EMAIL");
            replace(browser, By.id("amount-" + added), "two");
            browser.find(By.cssSelector("button[name=save]")).click();

            browser.waitFor(By.cssSelector("p.error[role=alert]"));
            var row = browser.all(By.cssSelector("table.steps tbody tr")).get(added);
            assertThat(row.getText()).contains("must be a whole number");
            assertThat(browser.find(By.id("amount-" + added)).getAttribute("value"))
                    .isEqualTo("two");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void aManagerCreatesACadenceAfterFixingItsKeyAndAddsAnEmailStep() {
        var manager = given.manager();
        var key = "webinar-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/cadences");
            browser.find(By.id("new-key")).sendKeys("Webinar Follow Up");
            browser.find(By.id("new-name")).sendKeys("Webinar follow-up");
            browser.find(By.cssSelector(".new-cadence-form button")).click();
            assertThat(browser.waitFor(By.cssSelector("#new-key + .field-error"))
                            .getText())
                    .contains("lower-case");
            assertThat(browser.find(By.id("new-name")).getAttribute("value")).isEqualTo("Webinar follow-up");

            replace(browser, By.id("new-key"), key);
            browser.find(By.cssSelector(".new-cadence-form button")).click();
            browser.waitFor(By.cssSelector("p.notice[role=status]"));
            browser.find(By.cssSelector("button[name=add]")).click();
            new Select(browser.find(By.id("channel-1"))).selectByValue("EMAIL");
            replace(browser, By.id("amount-1"), "1");
            new Select(browser.find(By.id("template-1"))).selectByValue("ftc-email-1");
            browser.find(By.cssSelector("button[name=save]")).click();
            browser.waitFor(By.cssSelector("p.notice[role=status]"));
            browser.waitFor(By.cssSelector("#timeline tr.step-row"));
            assertThat(browser.all(By.cssSelector("table.steps tbody tr"))).hasSize(2);
            assertThat(browser.all(By.cssSelector("#timeline tr.step-row[data-channel=EMAIL]")))
                    .hasSize(1);
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void aRepReadsACadenceButCannotChangeIt() {
        var rep = given.rep();
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/cadences/first-time-calls");
            browser.waitFor(By.cssSelector("#timeline tr.step-row"));
            assertThat(browser.all(By.cssSelector("button[name=save]"))).isEmpty();
            assertThat(browser.find(By.id("channel-0")).isEnabled()).isFalse();
            browser.assertNoConsoleErrors();
        }
    }

    private static void replace(Browser browser, By field, String text) {
        var input = browser.find(field);
        input.clear();
        input.sendKeys(text);
    }
}
