package org.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

@ApplicationTest
class ShellBrowserTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Given given;

    @Test
    void aMemberSignsInSeesWhoAndWhenTheyAreAndSignsOut() {
        var rep = given.rep();
        try (var browser = Browser.open(port)) {
            browser.visit("/");
            assertThat(browser.driver().getCurrentUrl())
                    .as("strangers are sent to sign in")
                    .endsWith("/login");

            browser.signIn(rep.email(), Given.PASSWORD);

            assertThat(browser.text(By.cssSelector("header .user"))).isEqualTo(rep.fullName());
            assertThat(browser.find(By.cssSelector("header time.clock")).getAttribute("data-zone"))
                    .isEqualTo(rep.timeZone().getId());
            assertThat(browser.all(By.cssSelector("nav a[href='/users']")))
                    .as("only admins see the users page")
                    .isEmpty();
            browser.assertNoConsoleErrors();

            browser.fromMenu("Sign out");
            browser.waitFor(By.cssSelector("p.notice"));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/login?signedOut");
        }
    }

    @Test
    void whenTheSessionEndsTodaysRefreshSendsThePageToSignInAndSigningInReturnsToToday() {
        var rep = given.rep();
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.waitFor(By.cssSelector("#queue"));
            browser.driver().manage().deleteCookieNamed("FOLLOWTHROUGH_SESSION");
            browser.script("document.body.dispatchEvent(new Event('queue-changed')) || true");

            browser.waitFor(By.id("username"));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
            browser.signIn(rep.email(), Given.PASSWORD);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/today");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Today");
            assertThat(browser.all(By.cssSelector("header.top"))).as("a whole page, not a fragment").hasSize(1);
            browser.assertNoConsoleErrorsBut("401");
        }
    }
}
