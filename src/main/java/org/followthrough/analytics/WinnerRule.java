package org.followthrough.analytics;

import java.util.Comparator;
import java.util.List;

/**
 * When one wording of a cadence step beats another: the rule the numbers page states. For each
 * outcome (opened, clicked, replied, connected, booked), the variant with the highest rate is compared
 * with the next best; it is named the winner only when each of the two was sent to at least {@link
 * #MIN_SENT} prospects and the difference is significant at 5% (two-sided): a two-proportion z-test
 * with the pooled proportion when every expected count of the 2×2 table is at least 5, otherwise
 * Fisher's exact test.
 */
public final class WinnerRule {

    public static final double ALPHA = 0.05;
    public static final int MIN_SENT = 30;
    static final int MIN_EXPECTED = 5;

    public static final String STATEMENT = "A variant is named the winner of an outcome when its rate is the"
            + " highest, each of it and the next best was sent to at least " + MIN_SENT + " prospects, and the"
            + " difference between the two is significant at the 5% level (two-sided p < 0.05): a"
            + " two-proportion z-test (pooled) when every expected count is at least " + MIN_EXPECTED
            + ", otherwise Fisher's exact test.";

    /** One variant's result for an outcome: how many it was sent to, and how many did it. */
    public record Arm(String name, long sent, long hits) {

        double rate() {
            return sent == 0 ? 0 : (double) hits / sent;
        }
    }

    /**
     * The rule's answer: the winner or null, the test used ({@code z-test}, {@code fisher} or null when
     * no test could be made), its p-value, and why in words.
     */
    public record Verdict(String winner, String test, Double pValue, String why) {}

    private WinnerRule() {}

    public static Verdict judge(List<Arm> arms) {
        if (arms.size() < 2) {
            return new Verdict(null, null, null, "one wording only");
        }
        var ranked = arms.stream()
                .sorted(Comparator.comparingDouble(Arm::rate).reversed())
                .toList();
        var best = ranked.get(0);
        var next = ranked.get(1);
        if (best.sent() < MIN_SENT || next.sent() < MIN_SENT) {
            return new Verdict(
                    null,
                    null,
                    null,
                    "too few sent yet: each of " + best.name() + " and " + next.name() + " needs " + MIN_SENT);
        }
        if (best.hits() * next.sent() == next.hits() * best.sent()) {
            return new Verdict(null, null, null, best.name() + " and " + next.name() + " are level");
        }
        boolean large = minExpected(best.hits(), best.sent(), next.hits(), next.sent()) >= MIN_EXPECTED;
        double p = large
                ? twoSidedP(z(best.hits(), best.sent(), next.hits(), next.sent()))
                : fisherTwoSided(best.hits(), best.sent() - best.hits(), next.hits(), next.sent() - next.hits());
        var test = large ? "z-test" : "fisher";
        if (p < ALPHA) {
            return new Verdict(
                    best.name(), test, p, best.name() + " beats " + next.name() + " (p = " + format(p) + ")");
        }
        return new Verdict(
                null,
                test,
                p,
                "no real difference yet between " + best.name() + " and " + next.name() + " (p = " + format(p) + ")");
    }

    static String format(double p) {
        return p < 0.001 ? "< 0.001" : String.format(java.util.Locale.ROOT, "%.3f", p);
    }

    /** The smallest expected count of the 2×2 table (hits and misses of each) if both had the pooled rate. */
    static double minExpected(long x1, long n1, long x2, long n2) {
        double pooled = (double) (x1 + x2) / (n1 + n2);
        return Math.min(Math.min(n1 * pooled, n1 * (1 - pooled)), Math.min(n2 * pooled, n2 * (1 - pooled)));
    }

    /** The two-proportion z statistic with the pooled proportion: (p1 − p2) / √(p(1−p)(1/n1 + 1/n2)). */
    static double z(long x1, long n1, long x2, long n2) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return se == 0 ? 0 : (p1 - p2) / se;
    }

    /** The two-sided p-value of a standard normal statistic: 2(1 − Φ(|z|)) = erfc(|z|/√2). */
    static double twoSidedP(double z) {
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /**
     * The complementary error function for x ≥ 0 by Abramowitz and Stegun's formula 7.1.26 (absolute
     * error below 1.5e-7, enough for a p-value read to three decimals).
     */
    static double erfc(double x) {
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return poly * Math.exp(-x * x);
    }

    /**
     * Fisher's exact test of the 2×2 table [[a, b], [c, d]], two-sided: the probability, with the
     * margins fixed, of every table as likely as the one seen or less (the convention of R's
     * fisher.test).
     */
    static double fisherTwoSided(long a, long b, long c, long d) {
        long row1 = a + b;
        long col1 = a + c;
        long n = a + b + c + d;
        var logFactorial = new double[(int) n + 1];
        for (int i = 2; i <= n; i++) {
            logFactorial[i] = logFactorial[i - 1] + Math.log(i);
        }
        long low = Math.max(0, col1 - (n - row1));
        long high = Math.min(row1, col1);
        double observed = logP(a, row1, col1, n, logFactorial);
        double total = 0;
        for (long k = low; k <= high; k++) {
            double logP = logP(k, row1, col1, n, logFactorial);
            if (logP <= observed + 1e-7) {
                total += Math.exp(logP);
            }
        }
        return Math.min(1, total);
    }

    /** The log of the hypergeometric probability of k in the first cell with these margins. */
    private static double logP(long k, long row1, long col1, long n, double[] lf) {
        return lf[(int) row1]
                + lf[(int) (n - row1)]
                + lf[(int) col1]
                + lf[(int) (n - col1)]
                - lf[(int) n]
                - lf[(int) k]
                - lf[(int) (row1 - k)]
                - lf[(int) (col1 - k)]
                - lf[(int) (n - row1 - col1 + k)];
    }
}
