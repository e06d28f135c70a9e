package org.followthrough.desk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.calls.Enrolments;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The prospect page's cadence panel: pause with a reason, resume, move to another cadence, take out. */
@ApplicationTest
class CadencePanelTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    Enrolments enrolments;

    @Test
    void aRepPausesResumesMovesAndTakesOutFromTheProspectPage() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        assertThat(page(rep, prospect)).contains("First-time calls", "Pause cadence", "Move to another cadence");

        var refused = mvc.post()
                .uri("/prospects/" + prospect.id() + "/enrolment/pause")
                .with(httpBasic(rep.email(), Given.PASSWORD))
                .with(csrf())
                .param("reason", "")
                .param("until", "2001-01-01")
                .exchange();
        assertThat(refused).hasStatus3xxRedirection();
        var again = mvc.get()
                .uri("/prospects/" + prospect.id())
                .with(httpBasic(rep.email(), Given.PASSWORD))
                .flashAttrs(refused.getMvcResult().getFlashMap())
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat(again).contains("Not paused; fix what is marked below.", "must be to come", "value=\"2001-01-01\"");
        assertThat(enrolments.active(prospect.id()).orElseThrow().isActive()).isTrue();

        post(rep, "/prospects/" + prospect.id() + "/enrolment/pause", "reason", "Back from parental leave in March");
        assertThat(enrolments.active(prospect.id()).orElseThrow().isPaused()).isTrue();
        assertThat(page(rep, prospect))
                .contains("Back from parental leave in March", "until someone resumes it", "Resume now")
                .contains("Cadence paused (Back from parental leave in March), until resumed.");

        post(rep, "/prospects/" + prospect.id() + "/enrolment/resume", null, null);
        assertThat(enrolments.active(prospect.id()).orElseThrow().isActive()).isTrue();

        post(rep, "/prospects/" + prospect.id() + "/enrolment", "cadence", "nurture");
        assertThat(enrolments.active(prospect.id()).orElseThrow().cadenceKey()).isEqualTo("nurture");

        post(rep, "/prospects/" + prospect.id() + "/enrolment/end", null, null);
        assertThat(enrolments.active(prospect.id())).isEmpty();
        assertThat(page(rep, prospect)).contains("In no cadence.", "Put in a cadence");
    }

    private void post(Member member, String uri, String name, String value) {
        var request = mvc.post()
                .uri(uri)
                .with(httpBasic(member.email(), Given.PASSWORD))
                .with(csrf());
        if (name != null) {
            request = request.param(name, value);
        }
        assertThat(request.exchange()).hasStatus3xxRedirection();
    }

    private String page(Member member, Prospect prospect) throws Exception {
        return mvc.get()
                .uri("/prospects/" + prospect.id())
                .with(httpBasic(member.email(), Given.PASSWORD))
                .exchange()
                .getResponse()
                .getContentAsString();
    }
}
