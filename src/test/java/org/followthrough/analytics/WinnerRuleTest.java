package org.followthrough.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule that names a winning wording, checked against worked examples whose values their authors
 * computed ({@code analytics/proportion-tests-reference.csv}, each with its source).
 */
class WinnerRuleTest {

    record Example(
            String test,
            long x1,
            long n1,
            long x2,
            long n2,
            Double statistic,
            Double statisticTolerance,
            Double p,
            Double pTolerance,
            String source) {

        @Override
        public String toString() {
            return test + " " + x1 + "/" + n1 + " vs " + x2 + "/" + n2 + " — " + source;
        }
    }

    static List<Example> examples() throws Exception {
        var examples = new ArrayList<Example>();
        try (var in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(
                        WinnerRuleTest.class.getResourceAsStream("/analytics/proportion-tests-reference.csv")),
                StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                var quote = line.indexOf(",\"");
                var cells = line.substring(0, quote).split(",", -1);
                examples.add(new Example(
                        cells[0],
                        Long.parseLong(cells[1]),
                        Long.parseLong(cells[2]),
                        Long.parseLong(cells[3]),
                        Long.parseLong(cells[4]),
                        number(cells[5]),
                        number(cells[6]),
                        number(cells[7]),
                        number(cells[8]),
                        line.substring(quote + 2, line.length() - 1)));
            }
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(6);
        return examples;
    }

    private static Double number(String cell) {
        return cell.isBlank() ? null : Double.valueOf(cell);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void givesTheSourcesValues(Example e) {
        if (e.test().equals("z")) {
            var z = WinnerRule.z(e.x1(), e.n1(), e.x2(), e.n2());
            assertThat(z).isCloseTo(e.statistic(), within(e.statisticTolerance()));
            if (e.p() != null) {
                assertThat(WinnerRule.twoSidedP(z)).isCloseTo(e.p(), within(e.pTolerance()));
            }
        } else {
            var p = WinnerRule.fisherTwoSided(e.x1(), e.n1() - e.x1(), e.x2(), e.n2() - e.x2());
            assertThat(p).isCloseTo(e.p(), within(e.pTolerance()));
        }
    }

    @Test
    void theNormalTailAtTheUsualCriticalValuesIsFivePercentAndOnePercent() {
        // z = 1.959964 and 2.575829 are the standard normal's two-sided 5% and 1% points (any z table)
        assertThat(WinnerRule.twoSidedP(1.959964)).isCloseTo(0.05, within(1e-6));
        assertThat(WinnerRule.twoSidedP(2.575829)).isCloseTo(0.01, within(1e-6));
        assertThat(WinnerRule.twoSidedP(0)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aRealDifferenceNamesTheWinnerWithTheZTest() {
        // 90 of 200 against 60 of 200: z = 3.09, far beyond 1.96
        var verdict = WinnerRule.judge(List.of(new WinnerRule.Arm("A", 200, 60), new WinnerRule.Arm("B", 200, 90)));
        assertThat(verdict.winner()).isEqualTo("B");
        assertThat(verdict.test()).isEqualTo("z-test");
        assertThat(verdict.pValue()).isLessThan(0.05);
    }

    @Test
    void aDifferenceThatMayBeChanceNamesNoWinner() {
        // 168/300 against 96/200: p = 0.079, not below 0.05
        var verdict = WinnerRule.judge(List.of(new WinnerRule.Arm("A", 300, 168), new WinnerRule.Arm("B", 200, 96)));
        assertThat(verdict.winner()).isNull();
        assertThat(verdict.test()).isEqualTo("z-test");
        assertThat(verdict.pValue()).isCloseTo(0.0792, within(0.0001));
        assertThat(verdict.why()).contains("no real difference");
    }

    @Test
    void fewSentNamesNoWinnerHoweverLargeTheGap() {
        var verdict = WinnerRule.judge(List.of(new WinnerRule.Arm("A", 29, 29), new WinnerRule.Arm("B", 29, 0)));
        assertThat(verdict.winner()).isNull();
        assertThat(verdict.test()).isNull();
        assertThat(verdict.why()).contains("too few sent");
    }

    @Test
    void smallCountsUseFishersExactTest() {
        // 6 of 40 against 0 of 40: expected counts of 3 are too small for the normal approximation
        var verdict = WinnerRule.judge(List.of(new WinnerRule.Arm("A", 40, 0), new WinnerRule.Arm("B", 40, 6)));
        assertThat(verdict.test()).isEqualTo("fisher");
        // hypergeometric: the tables as unlikely as 6/0 are 6/0 and 0/6, each C(40,6)/C(80,6)
        double oneTail = 1;
        for (int i = 0; i < 6; i++) {
            oneTail *= (40.0 - i) / (80.0 - i);
        }
        assertThat(verdict.pValue()).isCloseTo(2 * oneTail, within(1e-12));
        assertThat(verdict.winner()).isEqualTo("B");
    }

    @Test
    void levelVariantsHaveNoWinner() {
        var verdict = WinnerRule.judge(List.of(new WinnerRule.Arm("A", 100, 10), new WinnerRule.Arm("B", 50, 5)));
        assertThat(verdict.winner()).isNull();
        assertThat(verdict.why()).contains("level");
    }
}
