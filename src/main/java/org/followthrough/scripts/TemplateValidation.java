package org.followthrough.scripts;

import java.util.List;
import org.followthrough.common.InvalidInput;

/**
 * What a template check found before saving: {@code blocking} problems (syntax errors, unknown
 * placeholders) stop the save; {@code findings} (script check, placeholders a default needs that
 * are gone) are shown to the editor, who may save anyway.
 */
public record TemplateValidation(
        List<InvalidInput.FieldProblem> blocking,
        List<String> unknownPlaceholders,
        List<String> missingPlaceholders,
        List<Finding> findings) {

    public TemplateValidation {
        blocking = List.copyOf(blocking);
        unknownPlaceholders = List.copyOf(unknownPlaceholders);
        missingPlaceholders = List.copyOf(missingPlaceholders);
        findings = List.copyOf(findings);
    }

    public boolean isBlocking() {
        return !blocking.isEmpty();
    }
}
