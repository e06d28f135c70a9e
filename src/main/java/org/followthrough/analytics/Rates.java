package org.followthrough.analytics;

import java.util.List;
import java.util.TreeMap;
import org.followthrough.touches.CallRecords;

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

    /** Of the first-time calls, how many connected at each attempt (FTC #n), first attempt first. */
    static List<Summary.Reach> reach(List<CallHours.Count> counts) {
        var calls = new TreeMap<Integer, long[]>();
        for (var c : counts) {
            if (c.attempt() > 0) {
                var sums = calls.computeIfAbsent(c.attempt(), a -> new long[2]);
                sums[0] += c.calls();
                sums[1] += c.connected();
            }
        }
        return calls.entrySet().stream()
                .map(e -> new Summary.Reach(
                        e.getKey(), e.getValue()[0], e.getValue()[1], share(e.getValue()[1], e.getValue()[0])))
                .toList();
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
