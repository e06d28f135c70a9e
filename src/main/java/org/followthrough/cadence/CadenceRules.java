package org.followthrough.cadence;

import java.util.Set;
import java.util.regex.Pattern;
import org.followthrough.common.InvalidInput;

/** What makes a cadence a manager wrote usable, each problem said as what to fix. */
final class CadenceRules {

    private static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9-]{1,39}$");
    private static final Set<String> END_STAGES = Set.of("NURTURE", "LOST");
    static final int MAX_STEPS = 50;
    static final int MAX_AMOUNT = 3650;

    private CadenceRules() {}

    static Cadence check(String key, Cadences.Definition d) {
        var problems = new InvalidInput.Collector();
        if (!KEY.matcher(key).matches()) {
            problems.add("key", "must be 2–40 lower-case letters, digits or dashes, such as 'webinar-follow-up'");
        }
        if (d == null) {
            throw InvalidInput.of("body", "send the cadence as {name, steps: [...], endStage}");
        }
        if (d.name() == null || d.name().isBlank() || d.name().length() > 100) {
            problems.add("name", "is required, at most 100 characters");
        }
        if (d.steps() == null || d.steps().isEmpty() || d.steps().size() > MAX_STEPS) {
            problems.add("steps", "must hold between 1 and " + MAX_STEPS + " steps");
        } else {
            for (int i = 0; i < d.steps().size(); i++) {
                step(d.steps().get(i), "steps[" + i + "]", problems);
            }
        }
        if (d.endStage() != null && !END_STAGES.contains(d.endStage())) {
            problems.add("endStage", "must be NURTURE, LOST or left out, not '" + d.endStage() + "'");
        }
        problems.throwIfAny();
        return new Cadence(key, d.name().trim(), Cadences.numbered(d.steps()), d.endStage());
    }

    private static void step(Cadences.StepDefinition s, String at, InvalidInput.Collector problems) {
        if (s == null) {
            problems.add(at, "is empty; give channel, delay, placing and template");
            return;
        }
        if (s.channel() == null) {
            problems.add(at + ".channel", "is required: CALL, EMAIL or VOICEMAIL");
        }
        if (s.delay() == null) {
            problems.add(at + ".delay", "is required, such as {\"amount\": 3, \"unit\": \"BUSINESS_DAYS\"}");
        } else if (s.delay().amount() < 0 || s.delay().amount() > MAX_AMOUNT) {
            problems.add(at + ".delay.amount", "must be between 0 and " + MAX_AMOUNT);
        }
        if (s.channel() != null
                && s.channel() != Channel.CALL
                && (s.template() == null || s.template().isBlank())) {
            problems.add(at + ".template", "is required for an " + s.channel() + " step: the message it sends");
        }
    }
}
