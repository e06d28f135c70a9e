package org.followthrough.cadence;

import java.util.List;
import java.util.Objects;

/**
 * Many prospects were given one of a step's variants at once (a bulk enrolment's page planning each
 * prospect's first call): each as {@link WordingChosen} says it, announced together so what listens
 * handles the lot at once. Published in the transaction that plans the steps.
 */
public record WordingsChosen(List<WordingChosen> chosen) {

    public WordingsChosen {
        chosen = List.copyOf(Objects.requireNonNull(chosen, "chosen"));
    }
}
