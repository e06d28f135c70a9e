package org.followthrough.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** What a save is refused for, and what it is warned about, per template key. */
class TemplateValidationTest {

    final Templates templates = new Templates(null, null, new ScriptCheck(), Clock.systemUTC());

    @Test
    void aPlaceholderTheKeysMessagesNeverHaveIsRefusedNamingWhatTheyHave() {
        var email = templates.validate(
                new TemplateKey("ftc-email", 1),
                Channel.EMAIL,
                "Hi {{prospect.firstName}}",
                "See you on {{appointment.localDate}}. {{rep.fullName}}",
                Speaker.UNKNOWN);
        var voicemail = templates.validate(
                new TemplateKey("ftc-voicemail", 2),
                Channel.VOICEMAIL,
                null,
                "Hi {{prospect.firstName}}, this is {{rep.fullName}} from {{company}} about {{pains}}. {{rep.phone}}",
                Speaker.UNKNOWN);

        assertThat(email.isBlocking()).isTrue();
        assertThat(email.blocking()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("body");
            assertThat(p.message())
                    .contains("{{appointment.localDate}}", "ftc-email")
                    .contains("prospect.firstName", "when known: prospect.company");
        });
        assertThat(voicemail.blocking()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("{{pains}}", "ftc-voicemail"));
    }

    @Test
    void theAppointmentsDateIsFineWhereTheKeyHasAnAppointment() {
        var reminder = templates.validate(
                TemplateKey.of("reminder"),
                Channel.EMAIL,
                "Our call on {{appointment.monthDay}}",
                "{{prospect.firstName}}, see you on {{appointment.localDate}} at {{appointment.localTime}}."
                        + " {{#article.link}}P.S. {{article.link}}{{/article.link}}",
                Speaker.UNKNOWN);

        assertThat(reminder.blocking()).isEmpty();
    }

    @Test
    void aValueNotAlwaysKnownIsAWarningUnlessASectionGuardsIt() {
        var unguarded = templates.validate(
                new TemplateKey("ftc-email", 1),
                Channel.EMAIL,
                "{{prospect.company}} and us",
                "Hi {{prospect.firstName}}, call me at {{rep.phone}}.",
                Speaker.UNKNOWN);
        var guarded = templates.validate(
                new TemplateKey("ftc-email", 1),
                Channel.EMAIL,
                "{{#prospect.company}}{{prospect.company}} and us{{/prospect.company}}{{^prospect.company}}Us{{/prospect.company}}",
                "Hi {{prospect.firstName}}.{{#rep.phone}} Call me at {{rep.phone}}.{{/rep.phone}}",
                Speaker.UNKNOWN);

        assertThat(unguarded.isBlocking()).isFalse();
        assertThat(unguarded.findings())
                .filteredOn(f -> f.rule().equals("template.optional-value"))
                .extracting(Finding::message)
                .satisfiesExactly(m -> assertThat(m).startsWith("{{prospect.company}}"), m -> assertThat(m)
                        .startsWith("{{rep.phone}}"));
        assertThat(guarded.findings()).noneMatch(f -> f.rule().equals("template.optional-value"));
    }

    @Test
    void aValueGuardedOnlyWhileAnotherOneIsThereIsStillAWarning() {
        var validation = templates.validate(
                TemplateKey.of("nurture"),
                Channel.EMAIL,
                "Hello",
                "Hi {{prospect.firstName}}.{{^rep.phone}} {{article.link}}{{/rep.phone}}",
                Speaker.UNKNOWN);

        assertThat(validation.findings())
                .filteredOn(f -> f.rule().equals("template.optional-value"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("{{article.link}}"));
    }

    @Test
    void everyShippedTemplateIsAcceptedForItsKeyWithoutWarnings() {
        for (var d : TemplateDefaults.all()) {
            var validation = templates.validate(d.templateKey(), d.channel(), d.subject(), d.body(), Speaker.UNKNOWN);
            assertThat(validation.blocking()).as(d.templateKey().name()).isEmpty();
            assertThat(validation.findings()).as(d.templateKey().name()).isEmpty();
        }
    }
}
