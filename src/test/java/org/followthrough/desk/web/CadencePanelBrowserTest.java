package org.followthrough.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.web.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** A rep pauses a prospect's cadence with a reason and resumes it, in a real browser. */
@ApplicationTest
class CadencePanelBrowserTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Given given;

    @Test
    void aRepPausesAProspectsCadenceSeesThePauseInThePlanAndResumesIt() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/prospects/" + prospect.id());
            browser.waitFor(By.id("pause-reason"));
            assertThat(browser.text(By.cssSelector("section.planned"))).contains("FTC #1");

            browser.find(By.cssSelector(".pause-form button[type=submit]")).click();
            assertThat(browser.waitFor(By.id("pause-reason-error")).getText()).contains("is required");
            assertThat(browser.find(By.id("pause-reason")).getAttribute("aria-invalid"))
                    .isEqualTo("true");

            browser.find(By.id("pause-reason")).sendKeys("Back from parental leave in March");
            browser.find(By.cssSelector(".pause-form button[type=submit]")).click();
            browser.waitFor(By.cssSelector(".resume-form"));
            assertThat(browser.text(By.cssSelector("section.cadence")))
                    .contains("Paused", "Back from parental leave in March", "until someone resumes it");
            assertThat(browser.text(By.cssSelector("section.planned")))
                    .contains("Cadence paused (Back from parental leave in March)")
                    .doesNotContain("FTC #1");

            browser.find(By.cssSelector(".resume-form button[type=submit]")).click();
            browser.waitFor(By.id("pause-reason"));
            assertThat(browser.text(By.cssSelector("section.cadence"))).contains("Resumed from the step it stopped at");
            assertThat(browser.text(By.cssSelector("section.planned"))).contains("FTC #1");
            browser.assertNoConsoleErrors();
        }
    }
}
