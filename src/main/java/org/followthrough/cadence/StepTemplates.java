package org.followthrough.cadence;

import java.util.Optional;
import org.followthrough.common.InvalidInput;
import org.followthrough.scripts.TemplateKey;
import org.followthrough.scripts.Templates;
import org.springframework.stereotype.Component;

/**
 * A step's template must be one the team has, written for the step's channel: an email step sends an
 * email template, a call or voicemail step leaves a voicemail. Otherwise the step would go out in the
 * fallback wording while the editor said "Saved."
 */
@Component
class StepTemplates {

    private final Templates templates;

    StepTemplates(Templates templates) {
        this.templates = templates;
    }

    /**
     * The template a step name stands for (R6: {@code nurture-5} is the fifth use of the nurture
     * emails, round again to variant 1 when the team has four), if any.
     */
    Optional<org.followthrough.scripts.StoredTemplate> template(String name) {
        try {
            var key = TemplateKey.parse(name);
            return templates.variants(key.key()) == 0
                    ? Optional.empty()
                    : templates.find(templates.variantFor(key.key(), key.variant()));
        } catch (IllegalArgumentException notAName) {
            return Optional.empty();
        }
    }

    void check(Cadence cadence) {
        var problems = new InvalidInput.Collector();
        for (var step : cadence.steps()) {
            var at = "steps[" + (step.n() - 1) + "]";
            var variants = step.variants();
            boolean ofAVariant = variants.stream()
                    .anyMatch(v -> v.template() != null && v.template().strip().equals(step.template()));
            if (step.template() != null && !ofAVariant) {
                problem(step, step.template()).ifPresent(p -> problems.add(at + ".template", p));
            }
            // every wording tried against the others goes out too: each must be a template the team has
            for (int i = 0; i < variants.size(); i++) {
                var v = variants.get(i);
                if (v.template() != null && !v.template().isBlank()) {
                    var where = at + ".variants[" + i + "].template";
                    var name = v.name();
                    problem(step, v.template().strip())
                            .ifPresent(p -> problems.add(where, "(variant " + name + ") " + p));
                }
            }
        }
        problems.throwIfAny();
    }

    private Optional<String> problem(Step step, String template) {
        var wanted = step.channel() == Channel.EMAIL
                ? org.followthrough.scripts.Channel.EMAIL
                : org.followthrough.scripts.Channel.VOICEMAIL;
        var found = template(template);
        if (found.isEmpty()) {
            return Optional.of(unknown(template));
        }
        if (found.get().channel() != wanted) {
            return Optional.of("'" + template + "' is a " + found.get().channel() + " template; a "
                    + step.channel() + " step needs "
                    + (wanted == org.followthrough.scripts.Channel.EMAIL
                            ? "an EMAIL template"
                            : "a VOICEMAIL template (or none)"));
        }
        return Optional.empty();
    }

    private static String unknown(String name) {
        return "names no template the team has ('" + name
                + "'); choose one of the templates, such as ftc-email-1 or ftc-voicemail-1";
    }
}
