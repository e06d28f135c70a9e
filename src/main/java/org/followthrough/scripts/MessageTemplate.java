package org.followthrough.scripts;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.followthrough.common.InvalidInput;

/**
 * A template compiled once and filled in many times. Plain text, never HTML-escaped. A value may
 * be optional: a section on it ({@code {{#rep.phone}}call me at {{rep.phone}}{{/rep.phone}}})
 * renders nothing when it is missing or blank, and an inverted section ({@code {{^rep.phone}}…}})
 * says what to write instead. Every placeholder the rendering reaches outside such a guard must
 * have a non-blank value, or nothing is rendered at all ({@link MissingPlaceholderValues}).
 */
public final class MessageTemplate {

    /** Marks where a missing value would have gone; characters no template or value contains. */
    private static final char MISSING_START = '\uE000';

    private static final char MISSING_END = '\uE001';

    // a section on a missing value is simply false; a missing variable leaves a marker with its name
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .strictSections(false)
            .emptyStringIsFalse(true)
            .defaultValue(MISSING_START + "{{name}}" + MISSING_END);

    private final TemplateKey key;
    private final Template subject;
    private final Template body;
    private final Set<String> variables = new TreeSet<>();
    private final Set<String> sections = new TreeSet<>();
    private final Set<String> includes = new TreeSet<>();

    private MessageTemplate(TemplateKey key, Template subject, Template body) {
        this.key = key;
        this.subject = subject;
        this.body = body;
        var names = new Names();
        if (subject != null) {
            subject.visit(names);
        }
        body.visit(names);
    }

    /**
     * Compiles a subject (may be null for spoken texts) and a body; a syntax error is an {@link
     * InvalidInput} naming the field and the line.
     */
    public static MessageTemplate compile(TemplateKey key, String subject, String body) {
        var problems = new InvalidInput.Collector();
        var subjectTemplate = subject == null ? null : parse("subject", subject, problems);
        var bodyTemplate = body == null ? null : parse("body", body, problems);
        if (body == null) {
            problems.add("body", "is required: the text of the message");
        }
        problems.throwIfAny();
        return new MessageTemplate(key, subjectTemplate, bodyTemplate);
    }

    private static Template parse(String field, String text, InvalidInput.Collector problems) {
        try {
            return COMPILER.compile(text);
        } catch (MustacheException e) {
            problems.add(
                    field,
                    "is not a valid template: " + e.getMessage()
                            + ". Placeholders look like {{prospect.firstName}}; a section {{#pains}}…{{/pains}} must be closed.");
            return null;
        }
    }

    /** Every placeholder the template uses, as variables or as sections. */
    public Set<String> placeholders() {
        var all = new TreeSet<>(variables);
        all.addAll(sections);
        all.removeAll(Placeholders.SECTION_ITEM);
        return all;
    }

    /** Placeholders no caller fills in, and partials, which templates may not use. */
    public List<String> unknownPlaceholders() {
        var unknown = new ArrayList<String>();
        placeholders().stream().filter(n -> !Placeholders.isKnown(n)).forEach(unknown::add);
        includes.forEach(i -> unknown.add("> " + i));
        return unknown;
    }

    /**
     * Those of {@code optional} that the template needs where they may be missing: used outside a
     * section that guards them (or a value known together with them), alone or when all of them are
     * missing at once. Found by filling the template in with every other value present.
     */
    public Set<String> unguarded(Collection<String> optional) {
        var candidates = new TreeSet<>(optional);
        candidates.retainAll(placeholders());
        var found = new TreeSet<String>();
        if (candidates.isEmpty()) {
            return found;
        }
        for (var name : candidates) {
            var values = new HashMap<>(Placeholders.SAMPLE);
            values.keySet().removeAll(Placeholders.withCompanions(name));
            found.addAll(missingWith(values));
        }
        var noneOfThem = new HashMap<>(Placeholders.SAMPLE);
        noneOfThem.keySet().removeAll(candidates);
        found.addAll(missingWith(noneOfThem));
        found.retainAll(candidates);
        return found;
    }

    private Set<String> missingWith(Map<String, Object> values) {
        var context = TemplateValues.nest(values);
        var missing = new TreeSet<String>();
        if (subject != null) {
            collectMissing(subject.execute(context), missing);
        }
        collectMissing(body.execute(context), missing);
        return missing;
    }

    public boolean hasSubject() {
        return subject != null;
    }

    public Rendered render(Map<String, ?> values) {
        var context = TemplateValues.nest(values);
        var renderedSubject = subject == null ? null : subject.execute(context);
        var renderedBody = body.execute(context);
        var missing = new TreeSet<String>();
        collectMissing(renderedSubject, missing);
        collectMissing(renderedBody, missing);
        if (!missing.isEmpty()) {
            throw new MissingPlaceholderValues(key, List.copyOf(missing));
        }
        return new Rendered(renderedSubject == null ? null : renderedSubject.strip(), renderedBody.stripTrailing());
    }

    private static void collectMissing(String rendered, Set<String> into) {
        if (rendered == null) {
            return;
        }
        for (int start = rendered.indexOf(MISSING_START); start >= 0; ) {
            int end = rendered.indexOf(MISSING_END, start);
            into.add(rendered.substring(start + 1, end));
            start = rendered.indexOf(MISSING_START, end);
        }
    }

    private final class Names implements Mustache.Visitor {
        @Override
        public void visitText(String text) {}

        @Override
        public void visitVariable(String name) {
            variables.add(name);
        }

        @Override
        public boolean visitInclude(String name) {
            includes.add(name);
            return false;
        }

        @Override
        public boolean visitSection(String name) {
            sections.add(name);
            return true;
        }

        @Override
        public boolean visitInvertedSection(String name) {
            // an inverted section is how a template says "when there is none": it uses the name too
            sections.add(name);
            return true;
        }
    }
}
