package org.followthrough.correspondence;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.followthrough.common.Refusal;
import org.followthrough.messaging.DefaultWordings;
import org.followthrough.scripts.MissingPlaceholderValues;
import org.followthrough.scripts.Rendered;
import org.followthrough.scripts.TemplateKey;
import org.followthrough.scripts.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Words an engine email from the managers' template. A template that cannot be filled in (a value
 * it uses outside a guarding section is missing, or the variant was deleted) never produces a gap
 * ("Hi ,"): the email goes out on time in its safe default wording, which uses only values that are
 * always known, and why is recorded with the outbox ({@code GET /api/v1/outbox/fallbacks}), logged
 * and counted, so a manager can fix the template or the missing value. Holding the email instead
 * would make a prospect wait for a thank-you or miss a reminder because of a profile field.
 */
@Component
class EmailWording {

    private static final Logger log = LoggerFactory.getLogger(EmailWording.class);

    private final Templates templates;
    private final DefaultWordings fallbacks;
    private final MeterRegistry meters;

    EmailWording(Templates templates, DefaultWordings fallbacks, MeterRegistry meters) {
        this.templates = templates;
        this.fallbacks = fallbacks;
        this.meters = meters;
    }

    /**
     * The email for the {@code attempt}-th use of template {@code key} (R6: variant n, round again
     * when the team has fewer), or the safe default with the reason recorded.
     */
    Rendered write(
            String key,
            int attempt,
            Map<String, ?> values,
            UUID prospectId,
            String dedupeKey,
            Supplier<Rendered> safeDefault) {
        String template = key;
        String problem;
        try {
            var variant = templates.variantFor(key, attempt);
            template = variant.name();
            var rendered = templates.render(variant, values);
            if (rendered.subject() != null && !rendered.subject().isBlank()) {
                return rendered;
            }
            problem = "Template " + template + " has no subject.";
        } catch (MissingPlaceholderValues missing) {
            problem = missing.getMessage();
        } catch (Refusal | IllegalArgumentException noTemplate) {
            problem = "There is no template " + key + ".";
        }
        recordFallback(prospectId, dedupeKey, template, problem);
        return safeDefault.get();
    }

    /** Reads a cadence step's template name ({@code ftc-email-3}) as its key and attempt. */
    static TemplateKey stepTemplate(String name, String fallbackKey, int n) {
        try {
            return TemplateKey.parse(name);
        } catch (IllegalArgumentException unnamed) {
            return new TemplateKey(fallbackKey, Math.max(1, n));
        }
    }

    private void recordFallback(UUID prospectId, String dedupeKey, String template, String problem) {
        log.warn("Email {} goes out in its default wording: {}", dedupeKey, problem);
        meters.counter("followthrough.mail.default.wording").increment();
        fallbacks.record(prospectId, dedupeKey, template, problem);
    }
}
