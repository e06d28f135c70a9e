package org.followthrough.cadence.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.cadence.Cadences;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The editor says "Saved." only for a cadence that can work: a template the team lacks is a field error. */
@ApplicationTest
class CadenceEditorRefusesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    Cadences cadences;

    @Test
    void anUnknownTemplateIsShownNextToItsStepAndNothingIsSaved() throws Exception {
        var manager = given.manager();
        var key = "typo-" + UUID.randomUUID().toString().substring(0, 6);
        var created = mvc.post()
                .uri("/cadences")
                .with(httpBasic(manager.email(), Given.PASSWORD))
                .with(csrf())
                .param("key", key)
                .param("name", "Typo")
                .exchange();
        assertThat(created).hasStatus3xxRedirection();

        var refused = mvc.post()
                .uri("/cadences/" + key)
                .with(httpBasic(manager.email(), Given.PASSWORD))
                .with(csrf())
                .param("name", "Typo")
                .param("endStage", "")
                .param("channel", "CALL", "EMAIL")
                .param("amount", "0", "10")
                .param("unit", "MINUTES", "MINUTES")
                .param("from", "START", "PREVIOUS")
                .param("placing", "LEGAL", "EXACT")
                .param("template", "", "ftc-emial-1")
                .exchange();
        assertThat(refused).hasStatusOk();
        var html = refused.getResponse().getContentAsString();
        assertThat(html)
                .contains("The cadence was not saved")
                .contains("names no template the team has (&#39;ftc-emial-1&#39;)")
                .contains("ftc-emial-1 (no such template)")
                .doesNotContain("Saved. New steps");
        assertThat(cadences.get(key).steps())
                .as("still the one call it was created with")
                .hasSize(1);

        var page = mvc.get()
                .uri("/cadences/" + key)
                .with(httpBasic(manager.email(), Given.PASSWORD))
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<select name=\"template\"", "<option value=\"ftc-email-1\"", "Clone this cadence");
    }

    @Test
    void anUnknownTemplateInAVariantIsAFieldErrorInThePageAndA400InTheApi() throws Exception {
        var manager = given.manager();
        var key = "variant-typo-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(mvc.post()
                        .uri("/cadences")
                        .with(httpBasic(manager.email(), Given.PASSWORD))
                        .with(csrf())
                        .param("key", key)
                        .param("name", "Variant typo")
                        .exchange())
                .hasStatus3xxRedirection();

        var refused = mvc.post()
                .uri("/cadences/" + key)
                .with(httpBasic(manager.email(), Given.PASSWORD))
                .with(csrf())
                .param("name", "Variant typo")
                .param("endStage", "")
                .param("channel", "CALL", "EMAIL")
                .param("amount", "0", "10")
                .param("unit", "MINUTES", "MINUTES")
                .param("from", "START", "PREVIOUS")
                .param("placing", "LEGAL", "EXACT")
                .param("template", "", "ftc-email-1")
                .param("variants", "", "A=ftc-email-1; B=ftc-emial-7")
                .param("review", "false", "false")
                .exchange();
        assertThat(refused).hasStatusOk();
        assertThat(refused.getResponse().getContentAsString())
                .contains("The cadence was not saved")
                .contains("(variant B) names no template the team has (&#39;ftc-emial-7&#39;)")
                .doesNotContain("Saved. New steps");
        assertThat(cadences.get(key).steps()).hasSize(1);

        var api = mvc.put()
                .uri("/api/v1/cadences/" + key)
                .header("Authorization", given.bearer(manager))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(
                        "{\"name\":\"Variant typo\",\"steps\":[{\"channel\":\"EMAIL\",\"delay\":{\"amount\":0,"
                                + "\"unit\":\"MINUTES\"},\"placing\":\"EXACT\",\"variants\":[{\"template\":\"ftc-email-1\"},"
                                + "{\"name\":\"B\",\"template\":\"ftc-voicemail-1\"},{\"name\":\"C\",\"template\":\"no-such-7\"}]}]}")
                .exchange();
        assertThat(api).hasStatus(org.springframework.http.HttpStatus.BAD_REQUEST);
        assertThat(api)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("steps[0].variants[1].template", "steps[0].variants[2].template");
        assertThat(api.getResponse().getContentAsString())
                .contains("(variant B) ", "is a VOICEMAIL template", "(variant C) names no template the team has");
        assertThat(cadences.get(key).steps()).hasSize(1);
    }

    @Test
    void aManagerClonesFromTheEditorAndLandsOnTheCopy() throws Exception {
        var manager = given.manager();
        var key = "nurture-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(mvc.post()
                        .uri("/cadences/nurture/clone")
                        .with(httpBasic(manager.email(), Given.PASSWORD))
                        .with(csrf())
                        .param("key", key)
                        .param("name", "Slow nurture")
                        .exchange())
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/cadences/" + key + "?cloned");
        assertThat(cadences.get(key).name()).isEqualTo("Slow nurture");
        assertThat(cadences.get(key).steps()).isEqualTo(cadences.get("nurture").steps());

        var taken = mvc.post()
                .uri("/cadences/nurture/clone")
                .with(httpBasic(manager.email(), Given.PASSWORD))
                .with(csrf())
                .param("key", key)
                .param("name", "Again")
                .exchange();
        assertThat(taken).hasStatusOk();
        assertThat(taken.getResponse().getContentAsString()).contains("Not cloned", "is taken by another cadence");
    }
}
