package org.followthrough.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.followthrough.common.InvalidInput;

/**
 * The problems of a refused form, by field name, so a page shows each next to its field and keeps
 * what the member typed. Several problems of one field are joined into one sentence.
 */
public final class FormErrors {

    private FormErrors() {}

    public static Map<String, String> of(InvalidInput invalid) {
        var byField = new LinkedHashMap<String, String>();
        for (var problem : invalid.problems()) {
            byField.merge(problem.field(), problem.message(), (a, b) -> a + "; " + b);
        }
        return byField;
    }

    public static Map<String, String> none() {
        return Map.of();
    }
}
