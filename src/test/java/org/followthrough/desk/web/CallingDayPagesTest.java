package org.followthrough.desk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The rep's calling day as the pages serve it: the number to dial, the flow through the queue, the counts. */
@ApplicationTest
class CallingDayPagesTest {

    /** Tuesday 18 August 2026, 09:00 in New York: a business morning for the prospects below. */
    static final Instant TUESDAY_9AM = ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, ZoneId.of("America/New_York"))
            .toInstant();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    DialLinks dialing;

    @BeforeEach
    void businessMorning() {
        clock.set(TUESDAY_9AM);
    }

    @AfterEach
    void realTime() {
        clock.reset();
        dialing.change(given.admin().asActor(), ""); // back to tel:, for the other tests
    }

    static RequestPostProcessor as(Member member) {
        return httpBasic(member.email(), Given.PASSWORD);
    }

    String page(Member member, String uri) throws Exception {
        var result = mvc.get().uri(uri).with(as(member)).exchange();
        assertThat(result).as(uri).hasStatusOk();
        return result.getResponse().getContentAsString();
    }

    @Test
    void theNumberIsALinkToDialOnTodayTheCallScreenAndTheProspectPage() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep, "+1 212 555 0147", "US");
        // the international format as libphonenumber writes a New York number
        for (var uri :
                java.util.List.of("/today", "/prospects/" + prospect.id() + "/call", "/prospects/" + prospect.id())) {
            assertThat(page(rep, uri))
                    .as(uri)
                    .contains("href=\"tel:+12125550147\"")
                    .contains(">+1 212-555-0147</a>");
        }
    }

    @Test
    void anAdministratorChoosesADialerAndTheLinksFollow() throws Exception {
        var admin = given.admin();
        var rep = given.rep();
        var prospect = given.prospect(rep, "+1 212 555 0148", "US");

        var refused = mvc.post()
                .uri("/settings/dialing")
                .with(as(admin))
                .with(csrf())
                .param("choice", "link")
                .param("link", "javascript:alert({e164})")
                .exchange();
        assertThat(refused).hasStatusOk();
        assertThat(refused.getResponse().getContentAsString())
                .contains("must start with tel:, sip:, callto: or https://")
                .contains("javascript:alert({e164})");

        var saved = mvc.post()
                .uri("/settings/dialing")
                .with(as(admin))
                .with(csrf())
                .param("choice", "link")
                .param("link", "https://dialer.example/call?to={e164}")
                .exchange();
        assertThat(saved.getResponse().getContentAsString()).contains("Dialling saved");
        assertThat(page(rep, "/prospects/" + prospect.id() + "/call"))
                .contains("href=\"https://dialer.example/call?to=%2B12125550148\"")
                .contains("target=\"_blank\"");

        mvc.post()
                .uri("/settings/dialing")
                .with(as(admin))
                .with(csrf())
                .param("choice", "sip")
                .exchange();
        assertThat(page(rep, "/prospects/" + prospect.id())).contains("href=\"sip:+12125550148\"");

        var manager = given.manager();
        assertThat(mvc.post()
                        .uri("/settings/dialing")
                        .with(as(manager))
                        .with(csrf())
                        .param("choice", "tel")
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(page(manager, "/settings/dialing")).contains("Administrators choose this");
    }
}
