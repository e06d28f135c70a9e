package org.followthrough.cadence.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.cadence.Cadences;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The cadence editor gives a step wordings tried against each other, written as A=template*weight. */
@ApplicationTest
class CadenceVariantsFormTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    Cadences cadences;

    @Test
    void aManagerTypesAStepsWordingsAndSeesAMistakeNextToTheField() throws Exception {
        var manager = given.manager();
        assertThat(mvc.put()
                        .uri("/api/v1/cadences/form-ab")
                        .header("Authorization", given.bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Form A/B\",\"steps\":[{\"channel\":\"CALL\",\"delay\":{\"amount\":0,"
                                + "\"unit\":\"MINUTES\"}}]}"))
                .hasStatusOk();
        var session = signIn(manager);
        var saved = mvc.post()
                .uri("/cadences/form-ab")
                .session(session)
                .with(csrf())
                .param("name", "Form A/B")
                .param("endStage", "")
                .param("channel", "CALL", "EMAIL")
                .param("amount", "0", "10")
                .param("unit", "MINUTES", "MINUTES")
                .param("from", "START", "PREVIOUS")
                .param("placing", "LEGAL", "EXACT")
                .param("template", "ftc-voicemail-1", "")
                .param("variants", "", "ftc-email-1; Short=ftc-email-2*3")
                .param("review", "", "")
                .param("save", "1")
                .exchange();
        assertThat(saved).hasStatus3xxRedirection();
        var step = cadences.get("form-ab").step(2);
        assertThat(step.variants()).hasSize(2);
        assertThat(step.variants().get(0).name()).isEqualTo("A");
        assertThat(step.variants().get(1).name()).isEqualTo("Short");
        assertThat(step.variants().get(1).weight()).isEqualTo(3);
        assertThat(step.template()).isEqualTo("ftc-email-1");

        var page = mvc.get()
                .uri("/cadences/form-ab")
                .session(session)
                .accept(MediaType.TEXT_HTML)
                .exchange();
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("value=\"A=ftc-email-1; Short=ftc-email-2*3\"");

        var refused = mvc.post()
                .uri("/cadences/form-ab")
                .session(session)
                .with(csrf())
                .param("name", "Form A/B")
                .param("channel", "EMAIL")
                .param("amount", "0")
                .param("unit", "MINUTES")
                .param("from", "START")
                .param("placing", "EXACT")
                .param("template", "")
                .param("variants", "A=ftc-email-1*0; B=ftc-email-2")
                .param("review", "")
                .param("save", "1")
                .exchange();
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("The cadence was not saved")
                .contains("must be between 1 and 1000")
                .contains("value=\"A=ftc-email-1*0; B=ftc-email-2\"");
        assertThat(cadences.get("form-ab").steps()).as("nothing saved").hasSize(2);
    }

    private MockHttpSession signIn(Member member) {
        var signedIn = mvc.post()
                .uri("/login")
                .with(csrf())
                .param("username", member.email())
                .param("password", Given.PASSWORD)
                .exchange();
        return (MockHttpSession) signedIn.getRequest().getSession();
    }
}
