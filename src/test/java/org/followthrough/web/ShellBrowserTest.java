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

    @Autowired
    org.followthrough.team.Team team;

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
    void theHeaderClockTicksInTheServersOwnWordsOutsideTheUnitedStatesToo() {
        var email = "kai-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        team.register(new org.followthrough.team.NewMember(
                email, "Kai Weber", org.followthrough.team.Role.REP, Given.PASSWORD, null, "Europe/Berlin"));
        try (var browser = Browser.open(port)) {
            browser.signIn(email, Given.PASSWORD);
            var clock = browser.find(By.cssSelector("header time.clock"));
            var server = clock.getText();
            assertThat(server).matches("\\w{3} \\d{1,2} \\w{3}, \\d{2}:\\d{2} CES?T");
            assertThat(browser.script("clockText(document.querySelector('time.clock'),"
                            + " new Date(Date.parse(document.querySelector('time.clock').getAttribute('datetime'))))"))
                    .as("what the clock shows once it ticks")
                    .isEqualTo(server);
            browser.assertNoConsoleErrors();
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
            assertThat(browser.all(By.cssSelector("header.top")))
                    .as("a whole page, not a fragment")
                    .hasSize(1);
            browser.assertNoConsoleErrorsBut("401");
        }
    }
}
