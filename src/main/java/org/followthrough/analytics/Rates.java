package org.followthrough.analytics;

import java.util.Comparator;
import java.util.List;

/** Turns the counts the database returns into the shares and middles a team reads. */
final class Rates {

    private Rates() {}

    static Summary.FollowUpsToClose followUpsToClose(List<Summary.Count> distribution) {
        long won = distribution.stream().mapToLong(Summary.Count::prospects).sum();
        if (won == 0) {
            return new Summary.FollowUpsToClose(0, null, null, List.of());
        }
        double total = distribution.stream()
                .mapToDouble(c -> (double) c.followUps() * c.prospects())
                .sum();
        return new Summary.FollowUpsToClose(
                won, median(distribution, won), Math.round(total / won * 100) / 100.0, distribution);
    }

    /** The middle sale's follow-ups; with an even count, halfway between the two middle ones. */
    static double median(List<Summary.Count> sorted, long won) {
        return (nth(sorted, (won - 1) / 2) + nth(sorted, won / 2)) / 2.0;
    }

    private static int nth(List<Summary.Count> sorted, long index) {
        long seen = 0;
        for (var c : sorted) {
            seen += c.prospects();
            if (index < seen) {
                return c.followUps();
            }
        }
        throw new IllegalArgumentException("index " + index + " beyond " + seen);
    }

    static List<Summary.Reach> reach(List<CallRecords.Attempt> attempts) {
        return attempts.stream()
                .map(a -> new Summary.Reach(
                        attemptOf(a.label()), a.calls(), a.connected(), share(a.connected(), a.calls())))
                .filter(r -> r.attempt() > 0)
                .sorted(Comparator.comparingInt(Summary.Reach::attempt))
                .toList();
    }

    private static int attemptOf(String label) {
        try {
            return Integer.parseInt(label.substring("FTC #".length()).trim());
        } catch (NumberFormatException notNumbered) {
            return 0;
        }
    }

    static Summary.Abandoned abandoned(CallRecords.Closings closings) {
        return new Summary.Abandoned(closings.closed(), closings.early(), share(closings.early(), closings.closed()));
    }

    static Summary.Punctuality punctuality(CallRecords.Lateness l) {
        return new Summary.Punctuality(l.calls(), l.onTime(), share(l.onTime(), l.calls()), l.p50(), l.p95(), l.max());
    }

    static List<Summary.Objections> objections(List<CallRecords.Category> categories) {
        long total = categories.stream().mapToLong(CallRecords.Category::count).sum();
        return categories.stream()
                .map(c -> new Summary.Objections(c.name(), c.count(), share(c.count(), total)))
                .toList();
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round((double) part / whole * 10_000) / 10_000.0;
    }
}
