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
import org.springframework.stereotype.Service;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Prepares the script for a call (R14, R15, R17, R18): the opening statement, open-ended
 * questions, the voicemail for this attempt, the objection playbooks, and a warning when nobody on
 * the account who decides has been spoken with. It changes nothing; the same context gives the
 * same script.
 */
@Service
public class ScriptBuilder {

    static final String FTC_VOICEMAIL = "ftc-voicemail";
    static final String MISSED_APPOINTMENT = "missed-appointment";
    static final int MISSED_APPOINTMENT_VOICEMAILS = 3;

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

    @Autowired
    ScriptBuilder(Templates templates, ObjectionPlaybooks playbooks, ScriptCheck check) {
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
                check);
    }

    ScriptBuilder(TemplateSource templates, Supplier<List<ObjectionPlaybook>> playbooks, ScriptCheck check) {
        this.templates = templates;
        this.playbooks = playbooks;
        this.check = check;
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
                voicemail(ctx, values, warnings),
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
        var company = ctx.prospect().company() == null
                ? "this account"
                : ctx.prospect().company();
        return java.util.Optional.of("No decision maker is engaged at " + company
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

    private Script.Voicemail voicemail(ScriptContext ctx, Map<String, Object> values, List<String> warnings) {
        var key = voicemailKey(ctx);
        try {
            var text = templates.template(key).render(values).body();
            return new Script.Voicemail(key.name(), text, check.spokenSeconds(text));
        } catch (MissingPlaceholderValues missing) {
            warnings.add("The voicemail " + key.name() + " cannot be prepared without "
                    + String.join(", ", missing.missing())
                    + (missing.missing().contains("rep.phone") ? "; add your phone number to your profile." : "."));
            return null;
        } catch (org.followthrough.common.Refusal noSuchTemplate) {
            warnings.add("There is no voicemail template " + key.name() + "; add one under Templates.");
            return null;
        }
    }

    TemplateKey voicemailKey(ScriptContext ctx) {
        if (ctx.firstCall()) {
            return TemplateKey.forAttempt(FTC_VOICEMAIL, ctx.attempt(), Math.max(1, templates.variants(FTC_VOICEMAIL)));
        }
        return new TemplateKey(MISSED_APPOINTMENT, Math.min(ctx.attempt(), MISSED_APPOINTMENT_VOICEMAILS));
    }

    private static PreparedQuestions loadQuestions() {
        try (InputStream in = ScriptBuilder.class.getResourceAsStream("/scripts/questions.yaml")) {
            return YAMLMapper.builder().build().readValue(in, PreparedQuestions.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the prepared questions could not be read", e);
        }
    }
}
