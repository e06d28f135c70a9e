package org.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.inbound.HotPages;
import org.followthrough.webhooks.Webhooks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The settings page's hot pages and webhook subscribers, changed in a real browser. */
@ApplicationTest
class SettingsSectionsBrowserTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Given given;

    @Autowired
    HotPages hotPages;

    @Autowired
    Webhooks webhooks;

    @Test
    void aManagerAddsAHotPageAfterAMistakeIsNamedNextToTheField() {
        var manager = given.manager();
        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/settings");
            var patterns = browser.waitFor(By.id("hot-patterns"));
            assertThat(patterns.getAttribute("value")).contains("/pricing", "/demo", "/contact");
            assertThat(browser.all(By.cssSelector("#webhook-subscribers")))
                    .as("subscribers are the administrators' to set")
                    .isEmpty();

            patterns.sendKeys("\ncase studies");
            browser.find(By.cssSelector(".hot-pages-form button.primary-button"))
                    .click();
            assertThat(browser.waitFor(By.id("hot-patterns-error")).getText())
                    .contains("'case studies'", "start it with /");
            assertThat(browser.find(By.id("hot-patterns")).getAttribute("value"))
                    .endsWith("case studies");
            assertThat(hotPages.current().defaults()).as("nothing saved").isTrue();

            var fixed = browser.find(By.id("hot-patterns"));
            fixed.clear();
            fixed.sendKeys("/pricing\n/demo\n/contact\n/case-studies");
            browser.find(By.cssSelector(".hot-pages-form button.primary-button"))
                    .click();
            browser.waitFor(By.cssSelector("#hot-pages p.notice[role=status]"));
            assertThat(hotPages.current().patterns()).containsExactly("/pricing", "/demo", "/contact", "/case-studies");
            browser.assertNoConsoleErrors();
        } finally {
            hotPages.reset(manager.asActor());
        }
    }

    @Test
    void anAdminSubscribesAnAddressAndTheSecretIsNeverShownBack() {
        var admin = given.admin();
        var url = "https://crm-" + UUID.randomUUID().toString().substring(0, 8) + ".example/hooks";
        try (var browser = Browser.open(port)) {
            browser.signIn(admin.email(), Given.PASSWORD);
            browser.visit("/settings");
            browser.waitFor(By.id("subscriber-url")).sendKeys(url);
            browser.find(By.id("subscriber-secret")).sendKeys("short");
            browser.find(By.cssSelector(".subscribe-form input[value='appointment.booked']"))
                    .click();
            browser.find(By.cssSelector(".subscribe-form button[type=submit]")).click();

            assertThat(browser.waitFor(By.id("subscriber-secret-error")).getText())
                    .contains("16 to 200 characters");
            assertThat(browser.find(By.id("subscriber-url")).getAttribute("value"))
                    .isEqualTo(url);
            assertThat(browser.find(By.cssSelector(".subscribe-form input[value='appointment.booked']"))
                            .isSelected())
                    .isTrue();

            browser.find(By.id("subscriber-secret")).sendKeys("-but-long-enough-now");
            browser.find(By.cssSelector(".subscribe-form button[type=submit]")).click();
            browser.waitFor(By.cssSelector("#webhook-subscribers p.notice[role=status]"));
            assertThat(browser.text(By.cssSelector("table.subscribers")))
                    .contains(url, "appointment.booked")
                    .doesNotContain("short-but-long-enough-now");
            var subscribed = webhooks.subscribers().stream()
                    .filter(s -> s.url().equals(url))
                    .findFirst()
                    .orElseThrow();
            assertThat(subscribed.events()).containsExactly("appointment.booked");
            browser.assertNoConsoleErrors();
            webhooks.unsubscribe(subscribed.id());
        }
    }
}
