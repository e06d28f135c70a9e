package org.followthrough.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.DecisionRole;
import org.junit.jupiter.api.Test;

class ScriptBuilderTest {

    final ScriptCheck check = new ScriptCheck();

    static final ScriptBuilder.TemplateSource SHIPPED = new ScriptBuilder.TemplateSource() {
        @Override
        public MessageTemplate template(TemplateKey key) {
            var d = TemplateDefaults.find(key).orElseThrow(() -> Refusal.notFound("template", key));
            return MessageTemplate.compile(key, d.subject(), d.body());
        }

        @Override
        public int variants(String key) {
            return (int) TemplateDefaults.all().stream()
                    .filter(d -> d.key().equals(key))
                    .count();
        }
    };

    final ScriptBuilder builder = new ScriptBuilder(SHIPPED, ObjectionPlaybooks::defaults, check);

    @Test
    void aFollowUpOpensWithWhatWasDiscussedAndWhatWasToHappen() {
        var script = builder.build(Fixtures.context()
                .pains("the automatic renewal of your training contract", "modules whose content is dated")
                .build());

        assertThat(script.opening())
                .isEqualTo(
                        "Hi Debbie, this is Michael Powers from ABC Educom. Last we spoke, we discussed the automatic"
                                + " renewal of your training contract and modules whose content is dated, and you were going"
                                + " to review the contract with your director. I also had another idea that might be of"
                                + " interest to you. Is now still a good time?");
        assertThat(script.agenda())
                .isEqualTo("What I'd like to recommend is this: first, we review the modules that concern you, and"
                        + " second, we look at the contract. Then we'll determine the next steps, if any. How does"
                        + " that sound?");
        assertThat(script.label()).isEqualTo("Follow-up #2");
        assertThat(script.lastConversation().promises())
                .containsExactly("you were going to review the contract with your director");
    }

    @Test
    void aFirstCallOpensWithNameCompanyReasonAndAgenda() {
        var script = builder.build(Fixtures.context().firstCall(2).build());

        assertThat(script.opening())
                .startsWith("Hi Debbie, this is Michael Powers from ABC Educom. The reason for my call is")
                .endsWith("Then we'll determine the next steps, if any. How does that sound?");
        assertThat(check.check(ScriptCheck.Kind.OPENER, script.opening())).isEmpty();
    }

    @Test
    void eachFirstTimeCallAttemptLeavesItsOwnVoicemailAndRoundsAgainAfterTheSixth() {
        var voicemails = new java.util.ArrayList<String>();
        for (int attempt = 1; attempt <= 7; attempt++) {
            var script = builder.build(Fixtures.context().firstCall(attempt).build());
            voicemails.add(script.voicemail().template());
            assertThat(script.voicemail().text()).contains("Michael Powers", "ABC Educom", "+1 212 555 0100");
            assertThat(script.voicemail().seconds()).isLessThanOrEqualTo(30);
        }

        assertThat(voicemails)
                .containsExactly(
                        "ftc-voicemail-1",
                        "ftc-voicemail-2",
                        "ftc-voicemail-3",
                        "ftc-voicemail-4",
                        "ftc-voicemail-5",
                        "ftc-voicemail-6",
                        "ftc-voicemail-1");
    }

    @Test
    void aMissedAppointmentLeavesM1ThenM2ThenM3TheSameDayAndM4OnTheLaterCalls() {
        var first = builder.build(
                Fixtures.context().voicemail("missed-appointment-m1").build());
        var second = builder.build(
                Fixtures.context().voicemail("missed-appointment-m2").build());
        var third = builder.build(
                Fixtures.context().voicemail("missed-appointment-m3").build());
        var later = builder.build(
                Fixtures.context().voicemail("missed-appointment-4").build());

        assertThat(first.voicemail().text()).contains("calling for our 8:45 AM appointment", "I'll call in 10 minutes");
        assertThat(second.voicemail().text()).contains("later this morning or early this afternoon");
        assertThat(third.voicemail().text()).contains("I called a couple of times today");
        assertThat(later.voicemail().template()).isEqualTo("missed-appointment-4");
        assertThat(later.voicemail().text())
                .contains(
                        "as of yet we have not been able to connect", "the automatic renewal of your training contract")
                .doesNotContain("today");
        assertThat(later.voicemail().seconds()).isLessThanOrEqualTo(30);
    }

    @Test
    void aFollowUpThatBelongsToNoAppointmentLeavesTheFollowUpVoicemailWithoutAnyAppointment() {
        var script = builder.build(Fixtures.context().voicemail(null).build());

        assertThat(script.voicemail().template()).isEqualTo("follow-up-voicemail-1");
        assertThat(script.voicemail().text())
                .startsWith("Hi Debbie, it's Michael Powers from ABC Educom. Last we spoke, we discussed the"
                        + " automatic renewal of your training contract")
                .doesNotContain("appointment", "8:45")
                .endsWith("You can reach me at +1 212 555 0100.");
        assertThat(script.agenda()).doesNotContain("the modules that concern you");
        assertThat(check.check(ScriptCheck.Kind.VOICEMAIL, script.voicemail().text()))
                .isEmpty();
    }

    @Test
    void withoutTheRepsNumberTheRepStillGetsTheVoicemailWithAStandInForTheNumberAndAWarning() {
        var script =
                builder.build(Fixtures.context().firstCall(1).repPhone(null).build());

        assertThat(script.voicemail().template()).isEqualTo("ftc-voicemail-1");
        assertThat(script.voicemail().text())
                .startsWith("Hi Debbie, this is Michael Powers from ABC Educom.")
                .endsWith("Please call me at " + ScriptBuilder.NO_NUMBER + ".");
        assertThat(script.warnings())
                .anySatisfy(w -> assertThat(w).contains("no phone number in your profile", ScriptBuilder.NO_NUMBER));
    }

    @Test
    void aRepWithoutANumberLeavesTheTeamsNumberWhenTheTeamHasOne() {
        var withTeamPhone = new ScriptBuilder(SHIPPED, ObjectionPlaybooks::defaults, check, "+1 212 555 0199");

        var script = withTeamPhone.build(
                Fixtures.context().firstCall(3).repPhone(null).build());

        assertThat(script.voicemail().text()).endsWith("You can reach me at +1 212 555 0199.");
        assertThat(script.warnings()).noneSatisfy(w -> assertThat(w).contains("phone number"));
        assertThat(withTeamPhone
                        .build(Fixtures.context().firstCall(3).build())
                        .voicemail()
                        .text())
                .as("the rep's own number comes first")
                .endsWith("You can reach me at +1 212 555 0100.");
    }

    @Test
    void whenNobodySpokenWithDecidesTheScriptWarnsAndAsksForTheDecisionMakers() {
        var script = builder.build(Fixtures.context()
                .spokenWith(DecisionRole.INFO_GATHERER, DecisionRole.END_USER, DecisionRole.INFLUENCER)
                .build());

        assertThat(script.warnings())
                .anySatisfy(w -> assertThat(w).contains("No decision maker is engaged at Acme Learning"));
        assertThat(script.questions().get(0).topic()).isEqualTo("DECISION_MAKERS");
    }

    @Test
    void noWarningOnceADecisionMakerIsEngagedOrNobodyHasBeenSpokenWith() {
        assertThat(builder.build(Fixtures.context()
                                .spokenWith(DecisionRole.INFLUENCER, DecisionRole.DECISION_MAKER)
                                .build())
                        .warnings())
                .isEmpty();
        assertThat(builder.build(Fixtures.context().spokenWith().build()).warnings())
                .isEmpty();
    }

    @Test
    void aFirstCallQualifiesProblemDecisionMakersTimelineAndPriceWithOpenQuestions() {
        var script = builder.build(Fixtures.context().firstCall(1).build());

        assertThat(script.questions())
                .extracting(Script.Question::topic)
                .contains("PROBLEM_RECOGNITION", "DECISION_MAKERS", "TIMELINE", "PRICE");
        var asked = String.join(
                "\n", script.questions().stream().map(Script.Question::text).toList());
        assertThat(asked).contains("Acme Learning").doesNotContain("{{");
        assertThat(check.check(ScriptCheck.Kind.QUESTIONS, asked)).isEmpty();
    }

    @Test
    void aFollowUpAsksAboutTheLastConversationsPainAndOmitsQuestionsWithNothingToReferTo() {
        var script = builder.build(Fixtures.context().build());

        assertThat(script.questions())
                .extracting(Script.Question::text)
                .contains("Last time you mentioned the automatic renewal of your training contract. What has changed"
                        + " since we spoke?")
                .noneMatch(q -> q.contains("reaching"));
        assertThat(check.check(
                        ScriptCheck.Kind.QUESTIONS,
                        String.join(
                                "\n",
                                script.questions().stream()
                                        .map(Script.Question::text)
                                        .toList())))
                .isEmpty();
    }

    @Test
    void theScriptCarriesAllFivePlaybooks() {
        var script = builder.build(Fixtures.context().build());

        assertThat(script.playbooks())
                .extracting(ObjectionPlaybook::category)
                .containsExactly(ObjectionCategory.values());
        assertThat(script.playbooks())
                .allSatisfy(p -> assertThat(List.of(p.listen(), p.acknowledge(), p.explore(), p.respond()))
                        .allSatisfy(step -> assertThat(step).isNotBlank()));
    }
}
