package org.followthrough.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.followthrough.common.InvalidInput;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    @Test
    void theReminderCarriesTheDateInItsSubjectTheTenMinuteAgendaAndTheArticle() {
        var reminder = TemplateDefaults.find(TemplateKey.of("reminder")).orElseThrow();
        var rendered = MessageTemplate.compile(reminder.templateKey(), reminder.subject(), reminder.body())
                .render(Fixtures.all());

        assertThat(rendered.subject()).isEqualTo("Telephone appointment for August 18 and article of interest");
        assertThat(rendered.body())
                .startsWith("Debbie,")
                .contains("on Tuesday, August 18 at 8:45 AM (Eastern Time)")
                .contains("The call should only take 10 minutes. We'll review the two modules and the contract, and"
                        + " I'll answer any questions. And then we'll determine the next steps, if any.")
                .contains("P.S. Debbie, in the meantime, here's an article I thought you might enjoy: \"What to check"
                        + " before an automatic renewal\" https://example.com/library/renewal");
    }

    @Test
    void thePostCallSummaryListsKeyPointsAndAgreedNextStepsAndLeavesOutEmptyHeadings() {
        var summary = TemplateDefaults.find(TemplateKey.of("post-call-summary")).orElseThrow();
        var values = new HashMap<String, Object>(Fixtures.all());
        values.put("gains", List.of());

        var body = MessageTemplate.compile(summary.templateKey(), summary.subject(), summary.body())
                .render(values)
                .body();

        assertThat(body)
                .contains(
                        """
                        What you would like to solve:
                        - the automatic renewal of your training contract
                        - modules whose content is dated

                        The next steps we agreed on:
                        - you were going to review the contract with your director

                        I look forward to our next call on Tuesday, August 18 at 8:45 AM (Eastern Time).""")
                .doesNotContain("What you would like to gain");
    }

    @Test
    void everyShippedTemplateRendersWithTheFullSetOfValuesAndLeavesNoPlaceholderBehind() {
        for (var d : TemplateDefaults.all()) {
            var template = MessageTemplate.compile(d.templateKey(), d.subject(), d.body());
            assertThat(template.unknownPlaceholders())
                    .as(d.templateKey().name())
                    .isEmpty();
            var rendered = template.render(Fixtures.all());
            assertThat(rendered.body()).as(d.templateKey().name()).doesNotContain("{{", "}}", "[", "null");
            assertThat(template.placeholders()).as(d.templateKey().name()).containsAll(d.requires());
        }
    }

    @Test
    void aSectionOnAMissingOrBlankValueWritesNothingAndOnlyValuesOutsideAGuardAreRequired() {
        var template = MessageTemplate.compile(
                null,
                null,
                "Hi {{prospect.firstName}}.{{#rep.phone}} Call me at {{rep.phone}}.{{/rep.phone}}"
                        + "{{^rep.phone}} Just reply.{{/rep.phone}}");

        assertThat(template.render(Map.of("prospect.firstName", "Debbie")).body())
                .isEqualTo("Hi Debbie. Just reply.");
        assertThat(template.render(Map.of("prospect.firstName", "Debbie", "rep.phone", "  "))
                        .body())
                .isEqualTo("Hi Debbie. Just reply.");
        assertThat(template.render(Map.of("prospect.firstName", "Debbie", "rep.phone", "+1 212 555 0100"))
                        .body())
                .isEqualTo("Hi Debbie. Call me at +1 212 555 0100.");
        assertThatThrownBy(() -> template.render(Map.of("rep.phone", "+1 212 555 0100")))
                .isInstanceOfSatisfying(MissingPlaceholderValues.class, e -> assertThat(e.missing())
                        .containsExactly("prospect.firstName"));
    }

    @Test
    void aValueInsideASectionOnAnotherValueIsStillRequiredWhenThatSectionIsWritten() {
        var template = MessageTemplate.compile(null, null, "{{#pains}}- {{.}}, call {{rep.phone}}\n{{/pains}}Bye");

        assertThat(template.render(Map.of("pains", List.of())).body()).isEqualTo("Bye");
        assertThatThrownBy(() -> template.render(Map.of("pains", List.of("renewal"))))
                .isInstanceOfSatisfying(MissingPlaceholderValues.class, e -> assertThat(e.missing())
                        .containsExactly("rep.phone"));
    }

    @Test
    void everyShippedEmailReadsWellForARepWithoutAPhoneAndAProspectWithoutACompany() {
        var values = new HashMap<String, Object>(Fixtures.all());
        values.remove("rep.phone");
        values.remove("prospect.company");
        values.remove("prospect.title");
        values.remove("article.title");
        values.remove("article.link");
        values.put("gains", List.of());
        values.put("promises", List.of());
        for (var d : TemplateDefaults.all()) {
            if (d.channel() != Channel.EMAIL) {
                continue;
            }
            var rendered = MessageTemplate.compile(d.templateKey(), d.subject(), d.body())
                    .render(values);
            for (var text : List.of(rendered.subject(), rendered.body())) {
                assertThat(text)
                        .as(d.templateKey().name())
                        .doesNotContain("{{", "null", "  ", " .", " ,", " ?", "Acme Learning", "+1 212")
                        .doesNotContainPattern("\\n\\n\\n");
            }
            assertThat(rendered.subject()).as(d.templateKey().name()).isNotBlank();
        }
    }

    @Test
    void everyShippedVoicemailNeedsOnlyTheCallBackNumberBesidesNamesThatAreAlwaysKnown() {
        var values = new HashMap<String, Object>(Fixtures.all());
        values.remove("prospect.company");
        values.remove("prospect.title");
        values.put("pains", List.of());
        for (var d : TemplateDefaults.all()) {
            if (d.channel() != Channel.VOICEMAIL) {
                continue;
            }
            var template = MessageTemplate.compile(d.templateKey(), null, d.body());
            assertThat(template.render(values).body())
                    .as(d.templateKey().name())
                    .doesNotContain("  ", "Acme");
            var withoutPhone = new HashMap<String, Object>(values);
            withoutPhone.remove("rep.phone");
            assertThatThrownBy(() -> template.render(withoutPhone))
                    .as(d.templateKey().name())
                    .isInstanceOfSatisfying(MissingPlaceholderValues.class, e -> assertThat(e.missing())
                            .containsExactly("rep.phone"));
        }
    }

    @Test
    void firstTimeCallMessagesAreAllDifferent() {
        for (var key : List.of("ftc-voicemail", "ftc-email")) {
            var bodies = new HashSet<String>();
            for (int n = 1; n <= 6; n++) {
                var d = TemplateDefaults.find(new TemplateKey(key, n)).orElseThrow();
                bodies.add(MessageTemplate.compile(d.templateKey(), d.subject(), d.body())
                        .render(Fixtures.all())
                        .body());
            }
            assertThat(bodies).as(key).hasSize(6);
        }
    }

    @Test
    void aMissingOrBlankValueIsAnErrorNamingEveryMissingPlaceholder() {
        var values = new HashMap<String, Object>(Fixtures.all());
        values.remove("rep.phone");
        values.put("prospect.firstName", " ");
        var voicemail =
                TemplateDefaults.find(new TemplateKey("ftc-voicemail", 1)).orElseThrow();
        var template = MessageTemplate.compile(voicemail.templateKey(), null, voicemail.body());

        assertThatThrownBy(() -> template.render(values)).isInstanceOfSatisfying(MissingPlaceholderValues.class, e -> {
            assertThat(e.missing()).containsExactly("prospect.firstName", "rep.phone");
            assertThat(e.getMessage()).contains("ftc-voicemail-1", "prospect.firstName", "rep.phone");
        });
    }

    @Test
    void listsReadAsASentenceOrWalkAsASection() {
        var template = MessageTemplate.compile(
                null, null, "We discussed {{pains}}.\n{{#pains}}\n- {{.}}\n{{/pains}}\n{{^gains}}No gains.{{/gains}}");

        var rendered = template.render(Map.of("pains", List.of("a", "b", "c"), "gains", List.of()));

        assertThat(rendered.body()).isEqualTo("We discussed a, b and c.\n- a\n- b\n- c\nNo gains.");
    }

    @Test
    void nestedAndDottedValuesAreTheSame() {
        var template = MessageTemplate.compile(null, "Hi {{prospect.firstName}}", "{{rep.fullName}}");

        var rendered = template.render(Map.of("prospect", Map.of("firstName", "Debbie"), "rep.fullName", "Michael"));

        assertThat(rendered).isEqualTo(new Rendered("Hi Debbie", "Michael"));
    }

    @Test
    void syntaxErrorsNameTheFieldAndUnknownPlaceholdersAreListed() {
        assertThatThrownBy(() -> MessageTemplate.compile(null, "Hi {{#pains}}", "ok"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.FieldProblem::field)
                        .containsExactly("subject"));

        var template = MessageTemplate.compile(null, null, "Hi {{prospect.nickname}}, {{> footer}} {{company}}");
        assertThat(template.unknownPlaceholders()).containsExactly("prospect.nickname", "> footer");
    }

    @Test
    void templateNamesReadBothWays() {
        assertThat(TemplateKey.parse("ftc-email-3")).isEqualTo(new TemplateKey("ftc-email", 3));
        assertThat(TemplateKey.parse("missed-appointment-m2")).isEqualTo(new TemplateKey("missed-appointment", 2));
        assertThat(TemplateKey.parse("thank-you")).isEqualTo(new TemplateKey("thank-you", 1));
        assertThat(TemplateKey.forAttempt("ftc-voicemail", 7, 6)).isEqualTo(new TemplateKey("ftc-voicemail", 1));
        assertThat(TemplateKey.forAttempt("ftc-voicemail", 6, 6).name()).isEqualTo("ftc-voicemail-6");
    }
}
