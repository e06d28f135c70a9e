package org.followthrough.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import org.followthrough.scripts.ScriptCheck.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptCheckTest {

    final ScriptCheck check = new ScriptCheck();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Hi Debbie, just checking in to see how things are going.|blunder.just-checking-in",
                "I wanted to touch base about last week.|blunder.touching-base",
                "I'm calling to follow up on the proposal I sent.|blunder.follow-up-on-proposal",
                "I am calling to see if you had any questions.|blunder.any-questions",
                "I just wanted to make sure you got my e-mail.|blunder.got-my-email",
                "Was curious if you made a decision yet?|blunder.decision-yet"
            })
    void blunderOpenersAreFoundWithTheirSentence(String text, String rule) {
        var findings = check.check(Kind.OPENER, "Hi Debbie, this is Michael Powers from ABC Educom. " + text);

        assertThat(findings)
                .filteredOn(f -> f.rule().equals(rule))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.excerpt())
                            .isEqualTo(
                                    text.replace("Hi Debbie, ", "Hi Debbie, ").strip());
                    assertThat(f.message()).isNotBlank();
                    assertThat(f.suggestion()).isNotBlank();
                });
    }

    @Test
    void aGoodOpenerHasNoFindings() {
        var opener = "Debbie, this is Michael Powers calling from ABC Educom. When we spoke last week you had two"
                + " concerns. What I would like to recommend is that we review those modules. Then we'll determine"
                + " the next steps, if applicable. How does that sound?";

        assertThat(check.check(Kind.OPENER, opener)).isEmpty();
    }

    @Test
    void anOpenerWithoutNameOrCompanyIsFlagged() {
        var findings = check.check(Kind.OPENER, "Hello there. I have an idea for you. How does that sound?");

        assertThat(findings).extracting(Finding::rule).containsExactly("opener.missing-name", "opener.missing-company");
    }

    @Test
    void theSignedInRepsOwnNameAndCompanyCountAsMentioned() {
        var speaker = new Speaker("Dana Whitfield", "Northwind", "+1 212 555 0100");

        assertThat(check.check(Kind.OPENER, "hi, dana whitfield here, northwind. Got a minute?", speaker))
                .isEmpty();
    }

    @Test
    void yesNoQuestionsGetAnOpenEndedRewrite() {
        var questions =
                """
                1. Do you think onboarding is a major challenge at your organisation right now?
                2. How do you decide which vendors to review?
                - Are you happy with your current provider?
                - Do you have any concerns about the renewal?
                What happens when a module goes out of date?
                """;

        var findings = check.check(Kind.QUESTIONS, questions);

        assertThat(findings).extracting(Finding::rule).containsOnly("question.yes-no");
        assertThat(findings)
                .extracting(Finding::excerpt)
                .containsExactly(
                        "Do you think onboarding is a major challenge at your organisation right now?",
                        "Are you happy with your current provider?",
                        "Do you have any concerns about the renewal?");
        assertThat(findings)
                .extracting(Finding::suggestion)
                .containsExactly(
                        "Ask instead: \"How do you and your organisation feel about onboarding?\"",
                        "Ask instead: \"How do you feel about your current provider today?\"",
                        "Ask instead: \"What concerns about the renewal do you have?\"");
    }

    @Test
    void aYesNoQuestionWithoutAFittingRewriteStillGetsAdvice() {
        var findings = check.check(Kind.QUESTIONS, "Shall we go ahead?");

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.suggestion())
                .contains("how, what, why"));
    }

    @Test
    void aVoicemailOverThirtySpokenSecondsIsFlagged() {
        var words = String.join(" ", java.util.Collections.nCopies(70, "word"));
        var voicemail = "Hi Debbie, this is Michael Powers from ABC Educom about the renewal. " + words
                + " My number is 212 555 0100.";

        assertThat(check.spokenSeconds(voicemail)).isGreaterThan(30);
        assertThat(check.check(Kind.VOICEMAIL, voicemail))
                .extracting(Finding::rule)
                .containsExactly("voicemail.too-long");
    }

    @Test
    void aVoicemailTemplateCountsItsPlaceholdersAsSpokenWords() {
        // 10 words for the number, said digit by digit, 2 for the name
        assertThat(check.spokenWords("Call {{rep.fullName}} at {{rep.phone}}.")).isEqualTo(14);
        assertThat(check.spokenWords("Call me at +1 212 555 0100")).isEqualTo(14);
    }

    @Test
    void aVoicemailMustSayWhoCallsFromWhereWhyAndTheNumber() {
        var findings = check.check(Kind.VOICEMAIL, "Hi, please call me back when you can.");

        assertThat(findings)
                .extracting(Finding::rule)
                .containsExactly(
                        "voicemail.missing-name",
                        "voicemail.missing-company",
                        "voicemail.missing-reason",
                        "voicemail.missing-number");
    }

    @Test
    void aVoicemailWithEverythingPasses() {
        var voicemail = "Hi Debbie, it's Michael Powers from ABC Educom calling for our 8:45 appointment. I'll call in"
                + " 10 minutes if I haven't heard from you. In the meantime, my number is 212-555-0100.";

        assertThat(check.check(Kind.VOICEMAIL, voicemail)).isEmpty();
    }

    @Test
    void everyShippedVoicemailAndEmailPassesTheCheck() {
        for (var d : TemplateDefaults.all()) {
            var kind = Templates.kindOf(d.channel());
            var text = d.subject() == null ? d.body() : d.subject() + "\n" + d.body();
            assertThat(check.check(kind, text)).as(d.templateKey().name()).isEmpty();
        }
    }

    @Test
    void everyPreparedQuestionIsOpenEnded() {
        var prepared = ScriptBuilder.loadQuestions();
        var all = new java.util.ArrayList<Script.Question>();
        all.addAll(prepared.firstCall());
        all.addAll(prepared.followUp());
        all.addAll(prepared.decisionMakers());

        assertThat(all).hasSizeGreaterThan(10);
        for (var question : all) {
            assertThat(check.check(Kind.QUESTIONS, question.text()))
                    .as(question.text())
                    .isEmpty();
        }
    }

    @Test
    void aYesNoQuestionAmongThePreparedOnesWouldBeFound() {
        assertThat(check.check(Kind.QUESTIONS, "Do you have a budget for this?"))
                .extracting(Finding::rule)
                .containsExactly("question.yes-no");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "I'm calling about an idea that could help you.",
                "I just wanted to talk about how we help teams like yours.",
                "I have an idea for you and I'd love your help."
            })
    void aVoicemailWithOnlyAVagueReasonIsMissingOne(String reason) {
        var voicemail = "Hi Debbie, this is Michael Powers from ABC Educom. " + reason + " My number is 212-555-0100.";

        assertThat(check.check(Kind.VOICEMAIL, voicemail))
                .extracting(Finding::rule)
                .containsExactly("voicemail.missing-reason");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "I'm calling because your training contract renews in June.",
                "When we spoke you mentioned the modules are dated.",
                "I have a short question about your plans for the autumn.",
                "I noticed you downloaded our guide to onboarding."
            })
    void aVoicemailWithASpecificReasonHasOne(String reason) {
        var voicemail = "Hi Debbie, this is Michael Powers from ABC Educom. " + reason + " My number is 212-555-0100.";

        assertThat(check.check(Kind.VOICEMAIL, voicemail)).isEmpty();
    }
}
