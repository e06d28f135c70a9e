package org.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.team.Team;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

@ApplicationTest
class TeamPagesBrowserTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Given given;

    @Autowired
    Team team;

    @Test
    void aRepCannotReachTheUsersPageAndSeesWhyInTheLayout() {
        var rep = given.rep();
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/users");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("This page is not for your role");
            assertThat(browser.text(By.cssSelector(".error-code"))).isEqualTo("403");
            assertThat(browser.text(By.cssSelector("header .user"))).isEqualTo(rep.fullName());
            assertThat(browser.all(By.cssSelector("table.members"))).isEmpty();
            // Chromium logs the 403 answer itself as a failed resource; nothing else may be logged
            assertThat(browser.consoleErrors()).allMatch(e -> e.contains("403"));

            browser.find(By.linkText("Back to the start")).click();
            browser.waitFor(By.cssSelector("header .user"));
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void anAdminAddsAMemberAfterFixingAPasswordThePolicyRefuses() {
        var admin = given.admin();
        var email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (var browser = Browser.open(port)) {
            browser.signIn(admin.email(), Given.PASSWORD);
            browser.visit("/users");
            browser.find(By.id("email")).sendKeys(email);
            browser.find(By.id("fullName")).sendKeys("Robin Vale");
            browser.find(By.id("password")).sendKeys("short");
            browser.find(By.cssSelector(".member-form button[type=submit]")).click();

            var problem = browser.waitFor(By.cssSelector("#password + .field-error"));
            assertThat(problem.getText()).isNotBlank();
            assertThat(browser.find(By.id("email")).getAttribute("value")).isEqualTo(email);
            assertThat(browser.find(By.id("password")).getAttribute("value")).isEmpty();

            browser.find(By.id("password")).sendKeys("Amber-Falcon-Orchard-42");
            browser.find(By.cssSelector(".member-form button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.notice[role=status]"));
            var row = browser.find(By.xpath("//table[contains(@class,'members')]//tr[td[text()='" + email + "']]"));
            assertThat(row.getText()).contains("Robin Vale", "Rep", "active");

            row.findElement(By.cssSelector("button")).click();
            assertThat(browser.dismiss()).contains("Deactivate Robin Vale?");
            assertThat(row.getText()).as("still active after saying no").doesNotContain("deactivated");
            row.findElement(By.cssSelector("button")).click();
            browser.confirm();
            browser.waitFor(By.cssSelector("p.notice[role=status]"));
            row = browser.find(By.xpath("//table[contains(@class,'members')]//tr[td[text()='" + email + "']]"));
            assertThat(row.getText()).contains("deactivated");
            assertThat(row.findElements(By.cssSelector("button"))).isEmpty();

            row.findElement(By.linkText("Robin Vale")).click();
            browser.find(By.xpath("//button[text()='Reactivate']")).click();
            assertThat(browser.waitFor(By.cssSelector("p.notice[role=status]")).getText())
                    .contains("active again");
            assertThat(browser.text(By.cssSelector(".member-status"))).isEqualTo("active");

            new org.openqa.selenium.support.ui.Select(browser.find(By.id("role"))).selectByValue("MANAGER");
            var phone = browser.find(By.id("phone"));
            phone.clear();
            phone.sendKeys("not a phone");
            browser.find(By.cssSelector(".member-edit-form button[type=submit]"))
                    .click();
            assertThat(browser.waitFor(By.cssSelector("#phone + .field-error")).getText())
                    .contains("not a phone number");
            phone = browser.find(By.id("phone"));
            phone.clear();
            phone.sendKeys("(212) 555-0147");
            browser.find(By.cssSelector(".member-edit-form button[type=submit]"))
                    .click();
            browser.waitFor(By.cssSelector("p.notice[role=status]"));
            var changed = team.memberByEmail(email).orElseThrow();
            assertThat(changed.role()).isEqualTo(org.followthrough.team.Role.MANAGER);
            assertThat(changed.phone()).isEqualTo("+1 212 555 0147");

            browser.find(By.id("password")).sendKeys("password1234");
            browser.find(By.cssSelector(".password-reset-form button")).click();
            assertThat(browser.waitFor(By.cssSelector("#password + .field-error"))
                            .getText())
                    .contains("easy to guess");
            browser.find(By.id("password")).sendKeys("Copper-Lantern-Meadow-91");
            browser.find(By.cssSelector(".password-reset-form button")).click();
            assertThat(browser.waitFor(By.cssSelector("p.notice[role=status]")).getText())
                    .contains("New password set");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void aMemberCreatesATokenSeesItOnceAndRevokesIt() {
        var rep = given.rep();
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/tokens");
            browser.find(By.id("name")).sendKeys("dialer sync");
            browser.find(By.cssSelector(".token-form button[type=submit]")).click();

            var secret = browser.waitFor(By.id("new-token")).getText();
            assertThat(secret).startsWith("ft_");
            assertThat(browser.text(By.cssSelector("table.tokens"))).contains("dialer sync", "active");

            browser.visit("/tokens");
            assertThat(browser.all(By.id("new-token"))).as("shown only once").isEmpty();
            browser.find(By.cssSelector("table.tokens button")).click();
            assertThat(browser.dismiss()).contains("dialer sync");
            assertThat(browser.text(By.cssSelector("table.tokens"))).contains("active");
            browser.find(By.cssSelector("table.tokens button")).click();
            browser.confirm();
            browser.waitFor(By.cssSelector("p.notice[role=status]"));
            assertThat(browser.text(By.cssSelector("table.tokens"))).contains("revoked");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void anAdminSeesTheSettingsSendsATestEmailAndFindsItWaitingInTheOutbox() {
        var admin = given.admin();
        try (var browser = Browser.open(port)) {
            browser.signIn(admin.email(), Given.PASSWORD);
            browser.visit("/settings");
            browser.waitFor(By.cssSelector("#calling-rules .standard-window"));
            assertThat(browser.text(By.cssSelector("#calling-rules .standard-window")))
                    .isEqualTo("08:00–21:00");
            assertThat(browser.all(By.cssSelector("#calling-rules table.holidays tbody tr")))
                    .as("a year of the organisation country's public holidays")
                    .hasSizeGreaterThan(5);
            browser.waitFor(By.cssSelector("#email-settings .smtp-status"));
            assertThat(browser.text(By.cssSelector("#email-settings .smtp-status")))
                    .contains("No SMTP server");
            browser.waitFor(By.cssSelector("#webhook-settings .webhook-secret-status"));
            assertThat(browser.text(By.cssSelector("#webhook-settings .webhook-secret-status")))
                    .contains("configured")
                    .doesNotContain("test-webhook-secret");

            var to = "check-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            var field = browser.find(By.id("test-to"));
            field.clear();
            field.sendKeys(to);
            browser.find(By.cssSelector(".test-email-form button")).click();
            browser.waitFor(By.cssSelector("#email-settings p.notice[role=status]"));
            browser.driver().executeScript("window.scrollTo(0, 0)");

            browser.visit("/outbox?status=PENDING");
            assertThat(browser.text(By.cssSelector("table.outbox"))).contains(to, "FollowThrough test email");
            var goingOut = browser.all(By.cssSelector("table.outbox tbody tr")).stream()
                    .map(r -> java.time.Instant.parse(r.getAttribute("data-goes-out")))
                    .toList();
            assertThat(goingOut).as("the next email to go is on top").isSorted();
            browser.find(By.linkText("Sent")).click();
            assertThat(browser.all(By.xpath("//td[text()='" + to + "']"))).isEmpty();
            browser.find(By.linkText("Pending")).click();

            // a refused email is sent again from the page
            jdbc.sql("update outbox set status = 'FAILED', last_error = 'mailbox unavailable' where to_address = ?")
                    .param(to)
                    .update();
            browser.visit("/outbox?status=FAILED");
            assertThat(browser.text(By.cssSelector("table.outbox"))).contains(to, "mailbox unavailable");
            browser.find(By.xpath("//tr[td/div[text()='" + to + "']]//button[text()='Send again']"))
                    .click();
            browser.waitFor(By.cssSelector("p.notice[role=status]"));
            assertThat(jdbc.sql("select status from outbox where to_address = ?")
                            .param(to)
                            .query(String.class)
                            .single())
                    .isEqualTo("PENDING");
            browser.assertNoConsoleErrors();
        }
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aManagerRenamesTheOrganisationAndAWrongTimeZoneIsNamedNextToItsField() {
        var manager = given.manager();
        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/settings");
            var zone = browser.find(By.id("org-zone"));
            zone.clear();
            zone.sendKeys("Mars/Olympus");
            browser.find(By.cssSelector(".organisation-form button")).click();
            assertThat(browser.waitFor(By.cssSelector("#org-zone + .field-error"))
                            .getText())
                    .contains("Mars/Olympus");
            assertThat(browser.find(By.id("org-zone")).getAttribute("value")).isEqualTo("Mars/Olympus");

            var original = team.organisation();
            try {
                replace(browser, By.id("org-zone"), original.timeZone().getId());
                replace(browser, By.id("org-name"), "Northwind Sales");
                browser.find(By.cssSelector(".organisation-form button")).click();
                browser.waitFor(By.cssSelector("p.notice[role=status]"));
                assertThat(browser.text(By.cssSelector("header .org"))).isEqualTo("Northwind Sales");
                assertThat(team.organisation().name()).isEqualTo("Northwind Sales");
            } finally {
                team.changeOrganisation(
                        manager.asActor(),
                        original.name(),
                        original.country(),
                        original.timeZone().getId());
            }
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void aRepSetsTheirPhoneAndNameInTheirProfileAndChangesTheirPassword() {
        var rep = given.rep();
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.fromMenu("My profile");
            replace(browser, By.id("phone"), "212 555 01");
            replace(browser, By.id("timeZone"), "Europe/Berlin");
            browser.find(By.cssSelector(".profile-form button")).click();
            assertThat(browser.waitFor(By.cssSelector("#phone + .field-error")).getText())
                    .contains("not a phone number");
            assertThat(browser.find(By.id("timeZone")).getAttribute("value"))
                    .as("nothing typed is lost")
                    .isEqualTo("Europe/Berlin");

            replace(browser, By.id("phone"), "(212) 555-0163");
            replace(browser, By.id("fullName"), "Riley Morgan");
            browser.find(By.cssSelector(".profile-form button")).click();
            browser.waitFor(By.cssSelector("p.notice[role=status]"));
            assertThat(browser.text(By.cssSelector("header .user"))).isEqualTo("Riley Morgan");
            assertThat(browser.find(By.cssSelector("header time.clock")).getAttribute("data-zone"))
                    .isEqualTo("Europe/Berlin");
            assertThat(team.member(rep.id()).orElseThrow().phone()).isEqualTo("+1 212 555 0163");

            browser.find(By.id("currentPassword")).sendKeys("not my password at all");
            browser.find(By.id("newPassword")).sendKeys("Harbour-Violet-Lantern-27");
            browser.find(By.id("repeatPassword")).sendKeys("Harbour-Violet-Lantern-27");
            browser.find(By.cssSelector(".password-form button")).click();
            assertThat(browser.waitFor(By.cssSelector("#currentPassword + .field-error"))
                            .getText())
                    .contains("not your current password");
            browser.find(By.id("currentPassword")).sendKeys(Given.PASSWORD);
            browser.find(By.id("newPassword")).sendKeys("Harbour-Violet-Lantern-27");
            browser.find(By.id("repeatPassword")).sendKeys("Harbour-Violet-Lantern-27");
            browser.find(By.cssSelector(".password-form button")).click();
            assertThat(browser.waitFor(By.cssSelector("p.notice[role=status]")).getText())
                    .contains("Password changed");

            browser.fromMenu("Sign out");
            browser.signIn(rep.email(), "Harbour-Violet-Lantern-27");
            assertThat(browser.text(By.cssSelector("header .user"))).isEqualTo("Riley Morgan");
            browser.assertNoConsoleErrors();
        }
    }

    private static void replace(Browser browser, By field, String text) {
        var input = browser.find(field);
        input.clear();
        input.sendKeys(text);
    }
}
