package org.followthrough.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One or more fields of a request that cannot be accepted, each with what to fix. Collects every
 * problem of a request so the caller can correct them all at once.
 */
public class InvalidInput extends RuntimeException {

    /** A field and what is wrong with it, phrased as what to do. */
    public record FieldProblem(String field, String message) {
        public FieldProblem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    private final List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    private static String summary(List<FieldProblem> problems) {
        var parts = new ArrayList<String>();
        for (var p : problems) {
            parts.add(p.field() + ": " + p.message());
        }
        return String.join("; ", parts);
    }

    /** Gathers problems while a request is checked, then throws them together. */
    public static final class Collector {
        private final List<FieldProblem> problems = new ArrayList<>();

        public Collector add(String field, String message) {
            problems.add(new FieldProblem(field, message));
            return this;
        }

        public boolean has(String field) {
            return problems.stream().anyMatch(p -> p.field().equals(field));
        }

        public boolean isEmpty() {
            return problems.isEmpty();
        }

        public void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
        }
    }
}
