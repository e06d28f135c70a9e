package org.followthrough.common;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Holds every text a form or a query string sends to the {@link PlainText} rule before it is bound,
 * refusing it with {@link InvalidInput} naming the field (a page shows it, the API answers 400). A form
 * bound to a record is checked field by field: single-line unless the component is marked
 * {@link PlainText.MultiLine}. A loose parameter of a page may come from a text area, so it keeps its
 * line breaks; one of the API is a single line.
 */
@ControllerAdvice
class FormText {

    @InitBinder
    void holdToTheRule(WebDataBinder binder, HttpServletRequest request) {
        var type =
                binder.getTargetType() == null ? null : binder.getTargetType().resolve();
        var problems = new InvalidInput.Collector();
        if (type != null && type.isRecord()) {
            for (var component : type.getRecordComponents()) {
                var lines =
                        component.getType() == String.class && component.isAnnotationPresent(PlainText.MultiLine.class)
                                ? PlainText.Lines.MANY
                                : PlainText.Lines.ONE;
                check(problems, component.getName(), request.getParameterValues(component.getName()), lines);
            }
        } else if (binder.getObjectName() != null) {
            var api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
            check(
                    problems,
                    binder.getObjectName(),
                    request.getParameterValues(binder.getObjectName()),
                    api ? PlainText.Lines.ONE : PlainText.Lines.MANY);
        }
        problems.throwIfAny();
    }

    private static void check(InvalidInput.Collector problems, String field, String[] values, PlainText.Lines lines) {
        if (values == null || problems.has(field)) {
            return;
        }
        for (var value : values) {
            var problem = PlainText.problem(value, lines);
            if (problem.isPresent()) {
                problems.add(field, problem.get());
                return;
            }
        }
    }
}
