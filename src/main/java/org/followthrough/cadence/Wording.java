package org.followthrough.cadence;

/**
 * One wording of a cadence step (an A/B variant): the template it is written from (an email's subject
 * and body, or the voicemail a call leaves), the name the numbers page shows it under ({@code A},
 * {@code B}, ...) and its share of the prospects, {@code weight} out of the step's total (1 each splits
 * evenly).
 */
public record Wording(String name, String template, Integer weight) {

    public static final int MAX_WEIGHT = 1000;

    public Wording {
        weight = weight == null ? 1 : weight;
    }

    /** The name of the {@code i}-th wording when none was given: A, B, C ... */
    public static String nameAt(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : "V" + (i + 1);
    }
}
