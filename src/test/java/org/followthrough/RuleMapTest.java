package org.followthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The README's table of where each rule lives cannot drift: every product rule R1–R24 and every rule
 * a logged call keeps (as {@code CallRules} lists them, in its order) has a row, and every class and
 * test a row names exists in the code.
 */
class RuleMapTest {

    private static final Path README = Path.of("README.md");
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TEST = Path.of("src/test/java");
    private static final Path CALL_RULES = MAIN.resolve("org/followthrough/calls/CallRules.java");
    private static final String BEGIN = "<!-- rules: checked by RuleMapTest -->";
    private static final String END = "<!-- rules: end -->";
    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Za-z0-9]*)`");
    private static final Pattern LISTED = Pattern.compile("new ([A-Z][A-Za-z0-9]*)\\(");

    record Row(String rule, List<String> heldBy, List<String> testedBy) {}

    @Test
    void everyProductRuleHasOneRow() throws IOException {
        var rules =
                rows().stream().map(Row::rule).filter(r -> r.startsWith("R")).toList();
        assertThat(rules)
                .as("R1–R24, each once, in order")
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 24).mapToObj(n -> "R" + n).toList());
    }

    @Test
    void everyCallRuleHasARowInTheOrderTheyAreApplied() throws IOException {
        var listed = new ArrayList<String>();
        var matcher = LISTED.matcher(Files.readString(CALL_RULES));
        while (matcher.find()) {
            listed.add(matcher.group(1));
        }
        assertThat(listed).as("the rules CallRules applies").isNotEmpty();
        var rows = rows().stream()
                .filter(r -> r.rule().equals("call rule"))
                .map(r -> String.join(", ", r.heldBy()))
                .toList();
        assertThat(rows).containsExactlyElementsOf(listed);
        for (var rule : listed) {
            assertThat(Files.readString(source(MAIN, rule)))
                    .as(rule + " is a call rule")
                    .contains("implements CallRule");
        }
    }

    @Test
    void everyClassAndTestNamedExists() throws IOException {
        var main = index(MAIN);
        var test = index(TEST);
        var missing = new ArrayList<String>();
        for (var row : rows()) {
            assertThat(row.heldBy()).as(row.rule() + " is held by a class").isNotEmpty();
            assertThat(row.testedBy()).as(row.rule() + " is tested").isNotEmpty();
            row.heldBy().stream()
                    .filter(name -> !main.containsKey(name))
                    .forEach(name -> missing.add(row.rule() + ": class " + name));
            row.testedBy().stream()
                    .filter(name -> !test.containsKey(name) || !name.endsWith("Test"))
                    .forEach(name -> missing.add(row.rule() + ": test " + name));
        }
        assertThat(missing)
                .as("named in the README's table of rules but not in the code")
                .isEmpty();
    }

    private static List<Row> rows() throws IOException {
        var readme = Files.readString(README);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("the README's rule table markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        return readme.substring(begin + BEGIN.length(), end)
                .lines()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| rule ") && !line.startsWith("| ---"))
                .map(line -> {
                    var cells = line.substring(1, line.length() - 1).split("\\|");
                    assertThat(cells).as(line).hasSize(4);
                    return new Row(cells[0].strip(), names(cells[2]), names(cells[3]));
                })
                .toList();
    }

    private static List<String> names(String cell) {
        var names = new ArrayList<String>();
        var matcher = NAME.matcher(cell);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Every top-level type of a source tree by its simple name. */
    private static Map<String, Path> index(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .collect(Collectors.toMap(
                            f -> f.getFileName().toString().replace(".java", ""), f -> f, (a, b) -> a, TreeMap::new));
        }
    }

    private static Path source(Path root, String name) throws IOException {
        var path = index(root).get(name);
        assertThat(path).as(name + " in " + root).isNotNull();
        return path;
    }
}
