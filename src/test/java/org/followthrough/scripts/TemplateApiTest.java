package org.followthrough.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Templates through HTTP: everyone reads them, managers and admins edit them, every save is checked. */
@ApplicationTest
class TemplateApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    Templates templates;

    @Autowired
    ScriptDefaults startup;

    @Autowired
    TemplateCache cache;

    @Autowired
    org.followthrough.TestClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theShippedTemplatesAreThereOnStart() {
        var rep = given.rep();

        assertThat(mvc.get().uri("/api/v1/templates").with(as(rep)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].name")
                .asArray()
                .contains(
                        "thank-you-1",
                        "reminder-1",
                        "post-call-summary-1",
                        "ftc-email-6",
                        "ftc-voicemail-6",
                        "missed-appointment-3",
                        "post-sale-3",
                        "nurture-4");
        assertThat(mvc.get().uri("/api/v1/templates/reminder/1").with(as(rep)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.subject")
                .isEqualTo("Telephone appointment for {{appointment.monthDay}}{{#article.link}} and article of interest"
                        + "{{/article.link}}");
    }

    @Test
    void onStartAShippedTemplateNobodyEditedTakesThisVersionsWordingAndAnEditedOneIsKept() {
        var shipped = TemplateDefaults.find(new TemplateKey("ftc-email", 2)).orElseThrow();
        var edited = templates.find(new TemplateKey("ftc-email", 3)).orElseThrow();
        try {
            jdbc.sql("update templates set body = 'Old wording {{rep.phone}}', updated_by = null"
                            + " where template_key = 'ftc-email' and variant = 2")
                    .update();
            jdbc.sql("update templates set body = 'Our own wording', updated_by = 'manager@example.com'"
                            + " where template_key = 'ftc-email' and variant = 3")
                    .update();

            startup.run(null);

            assertThat(templates.find(shipped.templateKey()).orElseThrow().body())
                    .isEqualTo(shipped.body());
            assertThat(templates.find(edited.templateKey()).orElseThrow().body())
                    .isEqualTo("Our own wording");
        } finally {
            jdbc.sql(
                            "update templates set body = ?, updated_by = null where template_key = 'ftc-email' and variant = 3")
                    .param(edited.body())
                    .update();
            cache.forget();
        }
    }

    @Test
    void renderingReadsTemplatesFromMemoryAndSeesAnotherInstancesSaveWithinSeconds() {
        var key = new TemplateKey("cache-check-" + UUID.randomUUID().toString().substring(0, 8), 1);
        try {
            clock.set(java.time.Instant.parse("2026-08-18T13:00:00Z"));
            templates.save(key, new Templates.Edit(Channel.SCRIPT, null, "First {{prospect.firstName}}"), null);
            assertThat(templates.render(key, Fixtures.all()).body()).isEqualTo("First Debbie");

            // another instance saves: the row changes under this one's feet
            jdbc.sql(
                            "update templates set body = 'Second {{prospect.firstName}}', updated_at = ? where template_key = ?")
                    .params(org.followthrough.common.Sql.ts(clock.instant().plusSeconds(1)), key.key())
                    .update();
            assertThat(templates.render(key, Fixtures.all()).body())
                    .as("served from memory")
                    .isEqualTo("First Debbie");
            assertThat(templates.variants(key.key())).isEqualTo(1);

            clock.advance(TemplateCache.FRESH_FOR);
            assertThat(templates.render(key, Fixtures.all()).body()).isEqualTo("Second Debbie");

            templates.save(key, new Templates.Edit(null, null, "Third {{prospect.firstName}}"), null);
            assertThat(templates.render(key, Fixtures.all()).body())
                    .as("a save on this instance shows at once")
                    .isEqualTo("Third Debbie");
        } finally {
            clock.reset();
            jdbc.sql("delete from templates where template_key = ?")
                    .param(key.key())
                    .update();
        }
    }

    @Test
    void firstTimeCallAttemptsRotateThroughTheVariantsTheTeamHas() {
        assertThat(templates.variantFor("ftc-voicemail", 1).name()).isEqualTo("ftc-voicemail-1");
        assertThat(templates.variantFor("ftc-voicemail", 6).name()).isEqualTo("ftc-voicemail-6");
        assertThat(templates.variantFor("ftc-voicemail", 8).name()).isEqualTo("ftc-voicemail-2");
        assertThat(templates.variants("ftc-email")).isEqualTo(6);
    }

    @Test
    void aManagersSaveIsStoredRenderedAtOnceAndComesBackWithTheScriptChecksFindings() {
        var manager = given.manager();
        var body =
                """
                {"channel":"VOICEMAIL","body":"Hi {{prospect.firstName}}, just checking in. Call {{rep.fullName}} at {{rep.phone}}."}""";

        assertThat(put("/api/v1/templates/custom-voicemail/2", body, manager))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.name").isEqualTo("custom-voicemail-2");
                    assertThat(json).extractingPath("$.updatedBy").isEqualTo(manager.email());
                    assertThat(json)
                            .extractingPath("$.findings[*].rule")
                            .asArray()
                            .contains("blunder.just-checking-in", "voicemail.missing-company");
                });

        var rendered = templates.render("custom-voicemail", 2, Fixtures.all());
        assertThat(rendered.body()).isEqualTo("Hi Debbie, just checking in. Call Michael Powers at +1 212 555 0100.");

        put(
                        "/api/v1/templates/custom-voicemail/2",
                        """
                        {"body":"Hi {{prospect.firstName}}, {{rep.fullName}} from {{company}} about the renewal: {{rep.phone}}."}""",
                        manager)
                .exchange();
        assertThat(templates.render("custom-voicemail", 2, Fixtures.all()).body())
                .isEqualTo("Hi Debbie, Michael Powers from ABC Educom about the renewal: +1 212 555 0100.");
    }

    @Test
    void removingAPlaceholderTheReminderNeedsIsReportedButAllowed() {
        var admin = given.admin();
        var original = templates.find(TemplateKey.of("thank-you")).orElseThrow();
        try {
            assertThat(put(
                            "/api/v1/templates/thank-you/1",
                            """
                            {"subject":"Thank you","body":"Thank you for your time today. {{rep.fullName}}"}""",
                            admin))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.findings[*].rule")
                    .asArray()
                    .contains("template.missing-placeholder");
        } finally {
            templates.save(
                    original.templateKey(),
                    new Templates.Edit(original.channel(), original.subject(), original.body()),
                    null);
        }
    }

    @Test
    void syntaxErrorsAndUnknownPlaceholdersAreRefusedNamingTheFieldAndNothingIsSaved() {
        var manager = given.manager();

        assertThat(put(
                        "/api/v1/templates/bad-template/1",
                        """
                        {"channel":"EMAIL","subject":"Hi {{prospect.nickname}}","body":"{{#pains}} unclosed"}""",
                        manager))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("body");
        assertThat(put(
                        "/api/v1/templates/bad-template/1",
                        """
                        {"channel":"EMAIL","subject":"Hi {{prospect.nickname}}","body":"ok"}""",
                        manager))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("subject");
                    assertThat(json)
                            .extractingPath("$.errors[0].message")
                            .asString()
                            .contains("prospect.nickname");
                });
        assertThat(templates.find(new TemplateKey("bad-template", 1))).isEmpty();
    }

    @Test
    void aPlaceholderTheKeyCannotFillInIsRefusedBeforeSavingSayingWhatTheKeyOffers() {
        var manager = given.manager();
        var before = templates.find(new TemplateKey("ftc-email", 1)).orElseThrow();

        assertThat(put(
                        "/api/v1/templates/ftc-email/1",
                        """
                        {"subject":"Hi {{prospect.firstName}}","body":"See you on {{appointment.localDate}}."}""",
                        manager))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("body");
                    assertThat(json)
                            .extractingPath("$.errors[0].message")
                            .asString()
                            .contains("{{appointment.localDate}}", "prospect.firstName", "rep.phone");
                });
        assertThat(put(
                        "/api/v1/templates/ftc-voicemail/1",
                        """
                        {"body":"Hi {{prospect.firstName}}, {{rep.fullName}} from {{company}} about {{pains}}: {{rep.phone}}"}""",
                        manager))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("{{pains}}");
        assertThat(templates.find(new TemplateKey("ftc-email", 1)).orElseThrow())
                .isEqualTo(before);
    }

    @Test
    void checkingAnEditWarnsAboutAValueThatIsNotAlwaysKnownUntilASectionGuardsIt() {
        var rep = given.rep();

        assertThat(mvc.post()
                        .uri("/api/v1/templates/ftc-email/2/check")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"Hi\",\"body\":\"Hi {{prospect.firstName}}, call {{rep.phone}}.\"}")
                        .with(as(rep)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.findings[*].rule")
                .asArray()
                .contains("template.optional-value");
        assertThat(mvc.post()
                        .uri("/api/v1/templates/ftc-email/2/check")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"Hi\",\"body\":\"Hi {{prospect.firstName}}."
                                + "{{#rep.phone}} Call {{rep.phone}}.{{/rep.phone}}\"}")
                        .with(as(rep)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.findings[*].rule")
                .asArray()
                .doesNotContain("template.optional-value");
    }

    @Test
    void badKeysVariantsChannelsAndSubjectsAreNamed() {
        var manager = given.manager();

        assertThat(put(
                        "/api/v1/templates/Bad_Key/1",
                        "{\"channel\":\"EMAIL\",\"subject\":\"s\",\"body\":\"b\"}",
                        manager))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("key");
        assertThat(put(
                        "/api/v1/templates/good-key/0",
                        "{\"channel\":\"EMAIL\",\"subject\":\"s\",\"body\":\"b\"}",
                        manager))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("variant");
        assertThat(put(
                        "/api/v1/templates/good-key/x",
                        "{\"channel\":\"EMAIL\",\"subject\":\"s\",\"body\":\"b\"}",
                        manager))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("variant");
        assertThat(put("/api/v1/templates/good-key/1", "{\"channel\":\"FAX\",\"body\":\"b\"}", manager))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("channel");
        assertThat(put("/api/v1/templates/good-key/1", "{\"channel\":\"EMAIL\",\"body\":\"b\"}", manager))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("subject");
        assertThat(put("/api/v1/templates/good-key/1", "{\"subject\":\"s\",\"body\":\"b\"}", manager))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("channel");
        assertThat(mvc.get().uri("/api/v1/templates/no-such-template/1").with(as(manager)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anEditCanBeCheckedWithoutSavingIt() {
        var rep = given.rep();

        assertThat(mvc.post()
                        .uri("/api/v1/templates/ftc-voicemail/1/check")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"Hi {{prospect.firstName}}, touching base. {{prospect.shoeSize}}\"}")
                        .with(as(rep)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json)
                            .extractingPath("$.unknownPlaceholders")
                            .asArray()
                            .containsExactly("prospect.shoeSize");
                    assertThat(json)
                            .extractingPath("$.missingPlaceholders")
                            .asArray()
                            .containsExactly("rep.fullName", "company", "rep.phone");
                    assertThat(json)
                            .extractingPath("$.findings[*].rule")
                            .asArray()
                            .contains("blunder.touching-base", "voicemail.missing-number");
                });
        assertThat(templates
                        .find(new TemplateKey("ftc-voicemail", 1))
                        .orElseThrow()
                        .body())
                .doesNotContain("touching base");
    }

    @Test
    void repsMayReadButNotEditTemplatesAndStrangersMustSignIn() {
        var rep = given.rep();

        assertThat(put("/api/v1/templates/thank-you/1", "{\"subject\":\"Hi\",\"body\":\"Hello\"}", rep))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(templates.find(TemplateKey.of("thank-you")).orElseThrow().body())
                .contains("Thank you for taking the time");
        assertThat(mvc.get().uri("/api/v1/templates")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private MockMvcTester.MockMvcRequestBuilder put(String uri, String body, Member member) {
        return mvc.put()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(as(member));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(Member member) {
        return httpBasic(member.email(), Given.PASSWORD);
    }
}
