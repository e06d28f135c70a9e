package org.followthrough.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.calls.Enrolments;
import org.followthrough.messaging.PublicAddress;
import org.followthrough.prospects.Prospect;
import org.followthrough.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The two things a member meets first at a phone's width that the calling day does not reach: an
 * administrator's banner asking for the public address (given from the banner itself), and a rep's
 * "Emails to approve" on Today with the draft it opens. Nothing is wider than the screen.
 */
@ApplicationTest
class PhoneWidthBrowserTest {

    static final int PHONE = 390;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Given given;

    @Autowired
    PublicAddress publicAddress;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Enrolments enrolments;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToTheDefault() {
        publicAddress.set("http://localhost:8080", "test");
    }

    @Test
    void anAdminGivesThePublicAddressFromTheBannerOnAPhone() {
        publicAddress.set("http://localhost:8080", "test");
        var admin = given.admin();
        try (var browser = Browser.open(port)) {
            browser.width(PHONE);
            browser.signIn(admin.email(), Given.PASSWORD);
            browser.visit("/prospects");
            browser.waitFor(By.cssSelector("section.public-address-prompt"));
            browser.assertNoHorizontalOverflow();
            browser.screenshot("public-address-prompt-390");

            browser.find(By.id("banner-public-url")).sendKeys("https://followthrough.acme.example");
            browser.click(By.cssSelector("section.public-address-prompt button.button"));
            browser.waitFor(By.tagName("h1"));
            assertThat(browser.driver().getCurrentUrl())
                    .as("back where it was given")
                    .endsWith("/prospects");
            assertThat(browser.all(By.cssSelector("section.public-address-prompt")))
                    .isEmpty();
            assertThat(publicAddress.current()).hasToString("https://followthrough.acme.example");
            browser.assertNoHorizontalOverflow();
        }
    }

    @Test
    void aRepApprovesAnEmailFromTodayOnAPhone() throws Exception {
        assertThat(mvc.put()
                        .uri("/api/v1/cadences/phone-approved-email")
                        .header("Authorization", given.bearer(given.manager()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Approved on a phone\",\"steps\":[{\"channel\":\"EMAIL\",\"delay\":"
                                + "{\"amount\":0,\"unit\":\"MINUTES\",\"from\":\"START\"},\"template\":\"ftc-email-1\","
                                + "\"review\":true}]}"))
                .hasStatusOk();
        var rep = given.rep();
        var prospect = given.prospect(rep);
        var draft = draftFor(prospect);

        try (var browser = Browser.open(port)) {
            browser.width(PHONE);
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/today");
            var heading = browser.waitFor(By.cssSelector("h2.approvals"));
            assertThat(heading.getText()).isEqualTo("Emails to approve (1)");
            assertThat(browser.text(By.cssSelector("table.approvals"))).contains(prospect.fullName());
            browser.assertNoHorizontalOverflow();
            browser.screenshot("today-approvals-390");

            browser.click(By.cssSelector("table.approvals a[href='/outbox/" + draft + "']"));
            browser.waitFor(By.cssSelector("textarea[name=body]"));
            browser.assertNoHorizontalOverflow();
            browser.screenshot("outbox-draft-390");
            browser.click(By.cssSelector("button[name=action][value=send]"));
            browser.waitFor(By.tagName("h1"));
            assertThat(jdbc.sql("select status from outbox where id = ?")
                            .param(draft)
                            .query(String.class)
                            .single())
                    .as("approved, so on its way")
                    .isIn("PENDING", "SENDING", "SENT");

            browser.visit("/today");
            browser.waitFor(By.tagName("h1"));
            assertThat(browser.all(By.cssSelector("h2.approvals"))).isEmpty();
        }
    }

    @Test
    void aCadenceAlongsideOnTheEditorAndOnTheProspectPageOnAPhone() throws Exception {
        var manager = given.manager();
        var key = org.followthrough.CadencesByApi.alongside(mvc, given.bearer(manager), "phone-event-");
        var rep = given.rep();
        var prospect = given.prospect(rep);
        given.settled(); // in first-time calls, the engine's own reaction to a new prospect
        enrolments.start(prospect.id(), key, Instant.now());
        given.settled();

        try (var browser = Browser.open(port)) {
            browser.width(PHONE);
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/cadences/" + key);
            assertThat(browser.waitFor(By.id("alongside")).isSelected()).isTrue();
            browser.assertNoHorizontalOverflow();
            browser.screenshot("cadence-alongside-390");

            browser.visit("/prospects/" + prospect.id());
            var other = browser.waitFor(By.cssSelector("ul.alongside li[data-cadence='" + key + "']"));
            assertThat(other.getText()).contains("Event invitation (alongside)").contains("Take out");
            browser.assertNoHorizontalOverflow();
            browser.screenshot("prospect-alongside-390");
        }
    }

    /** Enrols the prospect in the reviewed cadence and returns its draft waiting for approval. */
    private UUID draftFor(Prospect prospect) {
        given.settled(); // the engine's own reaction to a new prospect comes first
        enrolments.start(prospect.id(), "phone-approved-email", Instant.now());
        given.settled();
        return jdbc.sql("select id from outbox where prospect_id = ? and status = 'REVIEW'")
                .param(prospect.id())
                .query(UUID.class)
                .single();
    }
}
