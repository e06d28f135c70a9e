package org.followthrough.scripts;

import java.util.List;

/**
 * A template could not be filled in because values are missing or blank. A message with a gap
 * ("Hi ,") is never sent; the caller learns every missing name at once.
 */
public class MissingPlaceholderValues extends RuntimeException {

    private final transient TemplateKey template;
    private final List<String> missing;

    public MissingPlaceholderValues(TemplateKey template, List<String> missing) {
        super("Template " + (template == null ? "text" : template.name()) + " cannot be filled in: no value for "
                + String.join(", ", missing) + ".");
        this.template = template;
        this.missing = List.copyOf(missing);
    }

    public TemplateKey template() {
        return template;
    }

    public List<String> missing() {
        return missing;
    }
}
