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
        if (d.emailsPerDay() != null && (d.emailsPerDay() < 1 || d.emailsPerDay() > Cadence.MAX_EMAILS_PER_DAY)) {
            problems.add(
                    "emailsPerDay",
                    "must be between 1 and " + Cadence.MAX_EMAILS_PER_DAY
                            + ", or left out for the installation's cap (one a day)");
        }
        problems.throwIfAny();
        return new Cadence(
                key,
                d.name().trim(),
                Cadences.numbered(named(d.steps())),
                d.endStage(),
                d.emailsPerDay(),
                Boolean.TRUE.equals(d.alongside()));
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
        variants(s, at, problems);
        if (s.channel() != null
                && s.channel() != Channel.CALL
                && (s.template() == null || s.template().isBlank())
                && (s.variants() == null || s.variants().isEmpty())) {
            problems.add(at + ".template", "is required for an " + s.channel() + " step: the message it sends");
        }
    }

    static final int MAX_VARIANTS = 10;
    private static final Pattern VARIANT_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 _-]{0,19}$");

    /**
     * A step's wordings tried against each other: two to ten, each with a template, a short name of
     * its own and a weight from 1 to 1000; a review before sending only on an email step.
     */
    private static void variants(Cadences.StepDefinition s, String at, InvalidInput.Collector problems) {
        if (Boolean.TRUE.equals(s.review()) && s.channel() != null && s.channel() != Channel.EMAIL) {
            problems.add(at + ".review", "applies to an EMAIL step only: a rep approves an email before it goes out");
        }
        var variants = s.variants();
        if (variants == null || variants.isEmpty()) {
            return;
        }
        if (variants.size() < 2 || variants.size() > MAX_VARIANTS) {
            problems.add(
                    at + ".variants", "must hold 2 to " + MAX_VARIANTS + " wordings (or be left out for one wording)");
        }
        var names = new java.util.HashSet<String>();
        for (int i = 0; i < variants.size(); i++) {
            var v = variants.get(i);
            var where = at + ".variants[" + i + "]";
            if (v == null) {
                problems.add(where, "is empty; give its template");
                continue;
            }
            if (v.template() == null || v.template().isBlank()) {
                problems.add(where + ".template", "is required: the wording this variant sends");
            }
            var name = v.name() == null || v.name().isBlank()
                    ? Wording.nameAt(i)
                    : v.name().strip();
            if (!VARIANT_NAME.matcher(name).matches()) {
                problems.add(
                        where + ".name", "must be 1–20 letters, digits, spaces, dashes or underscores, such as 'B'");
            } else if (!names.add(name.toUpperCase(java.util.Locale.ROOT))) {
                problems.add(where + ".name", "'" + name + "' is already the name of another variant of this step");
            }
            if (v.weight() < 1 || v.weight() > Wording.MAX_WEIGHT) {
                problems.add(where + ".weight", "must be between 1 and " + Wording.MAX_WEIGHT);
            }
        }
    }

    /** The steps with each unnamed variant named by its place (A, B, ...) and its template trimmed. */
    private static java.util.List<Cadences.StepDefinition> named(java.util.List<Cadences.StepDefinition> steps) {
        return steps.stream()
                .map(s -> {
                    if (s.variants() == null || s.variants().isEmpty()) {
                        return s;
                    }
                    var named = new java.util.ArrayList<Wording>();
                    for (int i = 0; i < s.variants().size(); i++) {
                        var v = s.variants().get(i);
                        var name = v.name() == null || v.name().isBlank()
                                ? Wording.nameAt(i)
                                : v.name().strip();
                        named.add(new Wording(name, v.template().strip(), v.weight()));
                    }
                    return new Cadences.StepDefinition(
                            s.channel(), s.delay(), s.placing(), named.get(0).template(), named, s.review());
                })
                .toList();
    }
}
