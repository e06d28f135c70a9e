package org.followthrough.scripts;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team's templates: read, filled in with a prospect's values, checked, and edited by managers.
 * Rendering works from {@link TemplateCache}: a save here shows at once, one on another instance
 * within a few seconds.
 */
@Service
public class Templates {

    /** A change to a template; channel may be left out when the template exists. */
    public record Edit(Channel channel, String subject, String body) {}

    /** A saved template and what the script check says about it. */
    public record Saved(StoredTemplate template, List<Finding> findings) {}

    private final TemplateRows rows;
    private final TemplateCache cache;
    private final ScriptCheck check;
    private final Clock clock;

    Templates(TemplateRows rows, TemplateCache cache, ScriptCheck check, Clock clock) {
        this.rows = rows;
        this.cache = cache;
        this.check = check;
        this.clock = clock;
    }

    public List<StoredTemplate> all() {
        return rows.all();
    }

    public Optional<StoredTemplate> find(TemplateKey key) {
        return rows.find(key);
    }

    /** How many variants of a key exist. */
    public int variants(String key) {
        return cache.variants(key).size();
    }

    /**
     * The variant for the n-th attempt (R6): the first, second, ... variant the team has, and round
     * again once every one was used.
     */
    public TemplateKey variantFor(String key, int attempt) {
        var variants = cache.variants(key);
        if (variants.isEmpty()) {
            throw Refusal.notFound("template", key);
        }
        return new TemplateKey(key, variants.get(Math.floorMod(Math.max(attempt, 1) - 1, variants.size())));
    }

    public Rendered render(String key, int variant, Map<String, ?> values) {
        return render(new TemplateKey(key, variant), values);
    }

    /** Fills in a template; throws {@link MissingPlaceholderValues} naming every missing value. */
    public Rendered render(TemplateKey key, Map<String, ?> values) {
        return compiled(key).render(values);
    }

    /** The compiled template for a key, as saved. */
    public MessageTemplate compiled(TemplateKey key) {
        return cache.compiled(key).orElseThrow(() -> Refusal.notFound("template", key.name()));
    }

    /**
     * Checks a template without saving it. Blocking: syntax errors, names FollowThrough never fills
     * in, and names this key's messages do not have (an appointment's date in a first-call email).
     * Findings: the script check, placeholders a shipped default needs that are gone, and values
     * that are not always known but are used outside a section that guards them.
     */
    public TemplateValidation validate(TemplateKey key, Channel channel, String subject, String body, Speaker speaker) {
        var blocking = new ArrayList<InvalidInput.FieldProblem>();
        var unknown = new ArrayList<String>();
        var findings = new ArrayList<Finding>();
        MessageTemplate template = null;
        try {
            template = MessageTemplate.compile(key, subject, body);
        } catch (InvalidInput syntax) {
            blocking.addAll(syntax.problems());
        }
        if (template != null) {
            unknown.addAll(template.unknownPlaceholders());
            for (var name : unknown) {
                blocking.add(new InvalidInput.FieldProblem(
                        fieldOf(name.replace("> ", ""), subject),
                        "{{" + name + "}} is not a placeholder FollowThrough fills in; use one of "
                                + String.join(", ", Placeholders.KNOWN.keySet())));
            }
            var offer = TemplateContexts.of(key, channel);
            for (var name : template.placeholders()) {
                if (Placeholders.KNOWN.containsKey(name) && !offer.offers(name)) {
                    blocking.add(new InvalidInput.FieldProblem(
                            fieldOf(name, subject),
                            "{{" + name + "}} has no value in " + what(key, channel) + ", so it could never be"
                                    + " filled in; these have: " + offer.describe()));
                }
            }
            for (var name : template.unguarded(offer.optional())) {
                findings.add(mayBeMissing(name, key, channel, body));
            }
        }
        var used = template == null ? java.util.Set.<String>of() : template.placeholders();
        var missing = TemplateDefaults.find(key).map(d -> d.requires()).orElse(List.of()).stream()
                .filter(name -> !used.contains(name))
                .toList();
        for (var name : missing) {
            findings.add(new Finding(
                    "template.missing-placeholder",
                    "This template no longer uses {{" + name + "}}, which it needs: " + Placeholders.KNOWN.get(name)
                            + ".",
                    ScriptCheck.opening(body == null ? "" : body),
                    "Put {{" + name + "}} back into the text."));
        }
        var text = channel == Channel.EMAIL && subject != null ? subject + "\n" + body : body;
        findings.addAll(check.check(kindOf(channel), text == null ? "" : text, speaker));
        return new TemplateValidation(blocking, unknown, missing, findings);
    }

    private static Finding mayBeMissing(String name, TemplateKey key, Channel channel, String body) {
        return new Finding(
                "template.optional-value",
                "{{" + name + "}} (" + Placeholders.KNOWN.get(name) + ") is not known for every prospect in "
                        + what(key, channel) + "; where it is missing, the message goes out in its default"
                        + " wording instead.",
                ScriptCheck.opening(body == null ? "" : body),
                "Write it inside a section that is left out when it is missing: {{#" + name + "}}… {{" + name
                        + "}} …{{/" + name + "}}, and say what to write without it with {{^" + name + "}}…{{/"
                        + name + "}}.");
    }

    private static String fieldOf(String name, String subject) {
        return subject != null && ScriptCheck.placeholdersIn(subject).contains(name) ? "subject" : "body";
    }

    private static String what(TemplateKey key, Channel channel) {
        return key == null ? "this template" : key.key() + " " + (channel == Channel.EMAIL ? "emails" : "messages");
    }

    /** Saves a template after checking it; blocking problems are an {@link InvalidInput}. */
    @Transactional
    public Saved save(TemplateKey key, Edit edit, String updatedBy) {
        var existing = find(key);
        var channel = edit.channel() != null
                ? edit.channel()
                : existing.map(StoredTemplate::channel).orElse(null);
        var problems = new InvalidInput.Collector();
        if (channel == null) {
            problems.add("channel", "is required for a new template: one of EMAIL, VOICEMAIL, SCRIPT");
        }
        if (edit.body() == null || edit.body().isBlank()) {
            problems.add("body", "is required: the text of the message");
        } else if (edit.body().length() > 20_000) {
            problems.add("body", "must have at most 20000 characters");
        }
        var subject = edit.subject() == null || edit.subject().isBlank()
                ? null
                : edit.subject().strip();
        if (channel == Channel.EMAIL && subject == null) {
            problems.add("subject", "is required for an email");
        } else if (channel != Channel.EMAIL && subject != null) {
            problems.add("subject", "is only for emails; leave it out for " + channel);
        } else if (subject != null && subject.length() > 500) {
            problems.add("subject", "must have at most 500 characters");
        }
        problems.throwIfAny();
        var validation = validate(key, channel, subject, edit.body(), Speaker.UNKNOWN);
        if (validation.isBlocking()) {
            throw new InvalidInput(validation.blocking());
        }
        var stored = new StoredTemplate(
                key.key(),
                key.variant(),
                channel,
                subject,
                edit.body(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                updatedBy);
        rows.write(stored);
        cache.forget();
        return new Saved(stored, validation.findings());
    }

    static ScriptCheck.Kind kindOf(Channel channel) {
        return switch (channel) {
            case EMAIL -> ScriptCheck.Kind.EMAIL;
            case VOICEMAIL -> ScriptCheck.Kind.VOICEMAIL;
            case SCRIPT -> ScriptCheck.Kind.OPENER;
        };
    }
}
