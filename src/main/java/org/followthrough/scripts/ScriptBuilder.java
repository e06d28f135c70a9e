package org.followthrough.scripts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.followthrough.prospects.DecisionRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Prepares the script for a call (R14, R15, R17, R18): the opening statement, open-ended
 * questions, the voicemail for this attempt, the objection playbooks, and a warning when nobody on
 * the account who decides has been spoken with. It changes nothing; the same context gives the
 * same script.
 */
@Service
@EnableConfigurationProperties(ScriptSettings.class)
public class ScriptBuilder {

    static final String FTC_VOICEMAIL = "ftc-voicemail";

    /** The voicemail of a follow-up whose task names none: a trigger, an inbound or a post-sale call. */
    public static final String FOLLOW_UP_VOICEMAIL = "follow-up-voicemail";

    /** Where the call-back number goes when the rep has none: the rep says theirs. */
    static final String NO_NUMBER = "[your phone number]";

    /** Where the builder finds templates: the team's, or the shipped ones in tests. */
    interface TemplateSource {
        MessageTemplate template(TemplateKey key);

        int variants(String key);
    }

    record PreparedQuestions(
            List<Script.Question> firstCall, List<Script.Question> followUp, List<Script.Question> decisionMakers) {}

    private final TemplateSource templates;
    private final Supplier<List<ObjectionPlaybook>> playbooks;
    private final ScriptCheck check;
    private final PreparedQuestions questions = loadQuestions();
    private final String teamPhone;

    @Autowired
    ScriptBuilder(Templates templates, ObjectionPlaybooks playbooks, ScriptCheck check, ScriptSettings settings) {
        this(
                new TemplateSource() {
                    @Override
                    public MessageTemplate template(TemplateKey key) {
                        return templates.compiled(key);
                    }

                    @Override
                    public int variants(String key) {
                        return templates.variants(key);
                    }
                },
                playbooks::all,
                check,
                settings.teamPhone());
    }

    ScriptBuilder(TemplateSource templates, Supplier<List<ObjectionPlaybook>> playbooks, ScriptCheck check) {
        this(templates, playbooks, check, null);
    }

    /** {@code teamPhone}, if set, is the call-back number of a voicemail left by a rep who has none. */
    ScriptBuilder(
            TemplateSource templates,
            Supplier<List<ObjectionPlaybook>> playbooks,
            ScriptCheck check,
            String teamPhone) {
        this.templates = templates;
        this.playbooks = playbooks;
        this.check = check;
        this.teamPhone = teamPhone == null || teamPhone.isBlank() ? null : teamPhone.strip();
    }

    public Script build(ScriptContext ctx) {
        var warnings = new ArrayList<String>();
        var values = ctx.values().build();
        decisionRoleWarning(ctx).ifPresent(warnings::add);
        if (!ctx.firstCall() && ctx.pains().isEmpty() && ctx.gains().isEmpty()) {
            warnings.add("Nothing was recorded about the prospect's pains or gains on the last call; the opening"
                    + " cannot remind them why they agreed to talk. Ask what prompted their interest.");
        }
        var agenda = OpeningStatement.agendaProposal(ctx);
        var opening = ctx.firstCall() ? OpeningStatement.firstCall(ctx) + " " + agenda : OpeningStatement.followUp(ctx);
        return new Script(
                ctx.callLabel(),
                opening,
                agenda,
                questions(ctx, values, decisionRoleWarning(ctx).isPresent()),
                voicemail(ctx, withCallBackNumber(ctx, values), warnings),
                OpeningStatement.nextStep(ctx),
                playbooks.get(),
                List.copyOf(warnings),
                new Script.LastConversation(ctx.pains(), ctx.gains(), ctx.promises()),
                ctx.article());
    }

    static java.util.Optional<String> decisionRoleWarning(ScriptContext ctx) {
        var roles = ctx.spokenWith();
        boolean noneDecides = !roles.isEmpty()
                && roles.stream()
                        .allMatch(r -> r == DecisionRole.INFO_GATHERER
                                || r == DecisionRole.END_USER
                                || r == DecisionRole.INFLUENCER);
        if (!noneDecides) {
            return java.util.Optional.empty();
        }
        var company =
                ctx.prospect().company() == null || ctx.prospect().company().isBlank()
                        ? ""
                        : " at " + ctx.prospect().company();
        return java.util.Optional.of("No decision maker is engaged" + company
                + ": everyone you have spoken with is an info gatherer, end user or influencer."
                + " Ask who makes the decision, and invite them to the next call.");
    }

    private List<Script.Question> questions(ScriptContext ctx, Map<String, Object> values, boolean askForDecider) {
        var prepared = new ArrayList<Script.Question>();
        if (askForDecider || (ctx.firstCall() && ctx.prospect().decisionRole() == DecisionRole.UNKNOWN)) {
            prepared.addAll(questions.decisionMakers());
        }
        prepared.addAll(ctx.firstCall() ? questions.firstCall() : questions.followUp());
        var filled = new ArrayList<Script.Question>();
        for (var q : prepared) {
            try {
                var text = MessageTemplate.compile(null, null, q.text())
                        .render(values)
                        .body();
                if (filled.stream().noneMatch(f -> f.text().equals(text))) {
                    filled.add(new Script.Question(q.topic(), text));
                }
            } catch (MissingPlaceholderValues noValueForThisCall) {
                // a question about the last conversation's pains is left out when none were recorded
            }
        }
        return filled;
    }

    /**
     * The voicemail for this attempt. Without a call-back number (R16) the rep still gets the whole
     * text, with a stand-in where the number goes, and a warning to say theirs and add it to their
     * profile; any other missing value leaves the voicemail out, with the reason.
     */
    private Script.Voicemail voicemail(ScriptContext ctx, Map<String, Object> values, List<String> warnings) {
        var key = voicemailKey(ctx);
        MessageTemplate template;
        try {
            template = templates.template(key);
        } catch (org.followthrough.common.Refusal noSuchTemplate) {
            warnings.add("There is no voicemail template " + key.name() + "; add one under Templates.");
            return null;
        }
        try {
            return voicemail(key, template.render(values).body());
        } catch (MissingPlaceholderValues missing) {
            if (!missing.missing().contains("rep.phone")) {
                warnings.add("The voicemail " + key.name() + " cannot be prepared without "
                        + String.join(", ", missing.missing()) + ".");
                return null;
            }
        }
        var withStandIn = new java.util.HashMap<String, Object>(values);
        withStandIn.put("rep.phone", NO_NUMBER);
        try {
            var text = template.render(withStandIn).body();
            warnings.add("You have no phone number in your profile, so this voicemail has no call-back number:"
                    + " say yours where it reads " + NO_NUMBER + ", and add it to your profile.");
            return voicemail(key, text);
        } catch (MissingPlaceholderValues missing) {
            warnings.add("The voicemail " + key.name() + " cannot be prepared without "
                    + String.join(", ", missing.missing())
                    + "; add your phone number to your profile.");
            return null;
        }
    }

    /** A rep without a number of their own leaves the team's, if the team has one. */
    private Map<String, Object> withCallBackNumber(ScriptContext ctx, Map<String, Object> values) {
        var own = ctx.rep().phone();
        if ((own != null && !own.isBlank()) || teamPhone == null) {
            return values;
        }
        var withTeamPhone = new java.util.HashMap<String, Object>(values);
        withTeamPhone.put("rep.phone", teamPhone);
        return withTeamPhone;
    }

    private Script.Voicemail voicemail(TemplateKey key, String text) {
        return new Script.Voicemail(key.name(), text, check.spokenSeconds(text));
    }

    /** FTC #n's variant for a first call (R6); the task's own voicemail, else the follow-up one. */
    TemplateKey voicemailKey(ScriptContext ctx) {
        if (ctx.firstCall()) {
            return TemplateKey.forAttempt(FTC_VOICEMAIL, ctx.attempt(), Math.max(1, templates.variants(FTC_VOICEMAIL)));
        }
        return ctx.voicemail() != null ? ctx.voicemail() : TemplateKey.of(FOLLOW_UP_VOICEMAIL);
    }

    static PreparedQuestions loadQuestions() {
        try (InputStream in = ScriptBuilder.class.getResourceAsStream("/scripts/questions.yaml")) {
            return YAMLMapper.builder().build().readValue(in, PreparedQuestions.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the prepared questions could not be read", e);
        }
    }
}
