package org.followthrough.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.ProspectFields;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Member;
import org.followthrough.web.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** A prospect's page and their account's stakeholders, in a real browser. */
@ApplicationTest
class ProspectPagesBrowserTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Given given;

    @Autowired
    Prospects prospects;

    @Test
    void aRepEditsAProspectAndSeesWhatIsWrongNextToTheFieldWithoutLosingWhatTheyTyped() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/prospects?q=" + prospect.email());
            browser.find(By.linkText(prospect.fullName())).click();
            browser.waitFor(By.id("fullName"));
            assertThat(browser.text(By.cssSelector("section.planned"))).contains("FTC #1");

            browser.find(By.id("title")).clear();
            browser.find(By.id("title")).sendKeys("Chief Financial Officer");
            browser.find(By.id("phone")).clear();
            browser.find(By.id("phone")).sendKeys("12");
            browser.find(By.cssSelector("form.panel button[type=submit]")).click();

            assertThat(browser.waitFor(By.id("phone-error")).getText()).containsIgnoringCase("phone");
            assertThat(browser.find(By.id("phone")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(browser.find(By.id("title")).getAttribute("value"))
                    .as("what was typed stays")
                    .isEqualTo("Chief Financial Officer");
            assertThat(prospects.byId(prospect.id()).orElseThrow().title())
                    .as("nothing saved from a refused form")
                    .isEqualTo("Head of Operations");

            browser.find(By.id("phone")).clear();
            browser.find(By.id("phone")).sendKeys("+44 20 7946 0958");
            browser.find(By.cssSelector("form.panel button[type=submit]")).click();
            browser.waitFor(By.cssSelector(".notice"));

            var saved = prospects.byId(prospect.id()).orElseThrow();
            assertThat(saved.title()).isEqualTo("Chief Financial Officer");
            assertThat(saved.phoneE164()).isEqualTo("+442079460958");
            assertThat(saved.timeZone().getId())
                    .as("an inferred zone follows the new phone")
                    .isEqualTo("Europe/London");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void anAccountShowsItsStakeholdersWithTheirRolesAndARepOnlyTheirOwn() {
        var rep = given.rep();
        var colleague = given.rep();
        var company = "Globex " + UUID.randomUUID().toString().substring(0, 8);
        var buyer = at(rep, company, "Hank Scorpio", "DECISION_MAKER");
        at(rep, company, "Homer Simpson", "END_USER");
        var hidden = at(colleague, company, "Frank Grimes", "INFLUENCER");

        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/prospects/" + buyer.id());
            browser.find(By.linkText(company)).click();
            browser.waitFor(By.cssSelector("table.grid"));
            var rows = browser.all(By.cssSelector("table.grid tbody tr"));
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getText())
                    .contains("Hank Scorpio", "Decision maker")
                    .as("the role in words")
                    .doesNotContain("DECISION_MAKER");
            assertThat(browser.text(By.tagName("main"))).doesNotContain(hidden.fullName());
            assertThat(browser.all(By.cssSelector(".findings li")))
                    .as("a decision maker is engaged")
                    .isEmpty();

            browser.visit("/prospects/" + hidden.id());
            assertThat(browser.text(By.tagName("main")))
                    .as("another rep's prospect is not found")
                    .doesNotContain(hidden.fullName());
            browser.assertNoConsoleErrorsBut("404");
        }
    }

    @Test
    void aManagerFindsTheProspectsWithoutANextStep() {
        var manager = given.manager();
        var rep = given.rep();
        var planned = given.prospect(rep);
        var stranded = given.prospect(rep);
        given.strand(stranded);
        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/prospects");
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("owner"))).selectByVisibleText(rep.fullName());
            browser.find(By.cssSelector("label.check input[name=noNextStep]")).click();
            browser.find(By.cssSelector("form[role=search] button[type=submit]"))
                    .click();
            browser.waitFor(By.cssSelector("main h1"));
            assertThat(browser.driver().getCurrentUrl())
                    .contains("owner=" + rep.email().replace("@", "%40"));
            var main = browser.text(By.tagName("main"));
            assertThat(main).contains(stranded.fullName()).doesNotContain(planned.fullName());
            assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("owner")))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo(rep.fullName());
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void anEmailAnotherProspectHasOffersToOpenThatOne() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        var other = given.prospect(rep);
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/prospects/" + prospect.id());
            browser.find(By.id("email")).clear();
            browser.find(By.id("email")).sendKeys(other.email());
            browser.click(By.cssSelector("form.panel button[type=submit]"));
            assertThat(browser.waitFor(By.id("email-error")).getText()).contains("another prospect");
            assertThat(browser.text(By.tagName("main"))).doesNotContain("ifExists");
            browser.find(By.linkText("Update the existing one")).click();
            assertThat(browser.waitFor(By.id("email")).getAttribute("value")).isEqualTo(other.email());
            assertThat(browser.driver().getCurrentUrl()).endsWith("/prospects/" + other.id());
            browser.assertNoConsoleErrors();
        }
    }

    private Prospect at(Member owner, String company, String name, String role) {
        var unique = UUID.randomUUID().toString().substring(0, 8);
        return prospects
                .create(
                        owner.asActor(),
                        new ProspectFields(
                                name,
                                null,
                                "p." + unique + "@globex.example",
                                null,
                                company,
                                null,
                                null,
                                "US",
                                null,
                                role,
                                null,
                                null,
                                null),
                        false,
                        "API")
                .prospect();
    }
}
