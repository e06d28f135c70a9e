package org.followthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.followthrough.appointments.Appointment;
import org.followthrough.calls.Enrolment;
import org.followthrough.calls.Task;
import org.followthrough.messaging.EmailStatus;
import org.followthrough.prospects.ImportState;
import org.followthrough.webhooks.DeliveryStatus;
import org.junit.jupiter.api.Test;

/**
 * The states of appointments, tasks, enrolments, outbox emails, webhook deliveries and imports are named by their lifecycle types
 * only: no SQL and no Java that deals with them outside those types spells one as a string
 * ({@code 'DONE'}, {@code "OPEN"}, {@code 'SENT'}), so a state renamed or added cannot be missed by a
 * query that still says the old word.
 */
class StatusLiteralsTest {

    private static final Path MAIN = Path.of("src/main/java/org/followthrough");

    /**
     * A lifecycle: the file that may name its states, the states, and the code that deals with it —
     * the modules owning its table and any code using its type. Other lifecycles (an import, a webhook
     * delivery, a bulk action) have words of their own that may be the same.
     */
    private record Lifecycle(Path type, List<String> states, List<String> modules, List<String> imports) {

        boolean concerns(Path file, String source) {
            var module = MAIN.relativize(file).getName(0).toString();
            return !file.equals(type)
                    && (modules.contains(module) || imports.stream().anyMatch(source::contains));
        }
    }

    private static final List<Lifecycle> LIFECYCLES = List.of(
            new Lifecycle(
                    MAIN.resolve("appointments/Appointment.java"),
                    names(Appointment.Status.values()),
                    List.of("calls", "appointments"),
                    List.of("import org.followthrough.appointments.Appointment;")),
            new Lifecycle(
                    MAIN.resolve("calls/Task.java"),
                    names(Task.Status.values()),
                    List.of("calls", "appointments"),
                    List.of("import org.followthrough.calls.Task;")),
            new Lifecycle(
                    MAIN.resolve("calls/Enrolment.java"),
                    names(Enrolment.Status.values()),
                    List.of("calls", "appointments"),
                    List.of("import org.followthrough.calls.Enrolment;")),
            new Lifecycle(
                    MAIN.resolve("messaging/EmailStatus.java"),
                    names(EmailStatus.values()),
                    List.of("messaging"),
                    List.of("import org.followthrough.messaging.EmailStatus;")),
            new Lifecycle(
                    MAIN.resolve("prospects/ImportState.java"),
                    names(ImportState.values()),
                    List.of("prospects"),
                    List.of("import org.followthrough.prospects.ImportState;")),
            new Lifecycle(
                    MAIN.resolve("webhooks/DeliveryStatus.java"),
                    names(DeliveryStatus.values()),
                    List.of("webhooks"),
                    List.of()));

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void noLifecycleStateIsSpelledOutsideItsType() throws IOException {
        var found = new ArrayList<String>();
        try (var files = Files.walk(MAIN)) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var source = Files.readString(file);
                for (var lifecycle : LIFECYCLES) {
                    if (lifecycle.concerns(file, source)) {
                        statesSpelledIn(source, lifecycle.states())
                                .forEach(literal -> found.add(MAIN.relativize(file) + ": " + literal));
                    }
                }
            }
        }
        assertThat(found)
                .as("states of a lifecycle spelled as strings; use the lifecycle's Status")
                .isEmpty();
    }

    @Test
    void theCheckFindsAStateInSqlAndInJavaButNotInCommentsOrWords() {
        var source =
                """
                // a task that is DONE stays 'DONE'
                var sql = "update tasks set status = 'DONE' where id = ?";
                var other = "OPEN";
                var fine = "Open the page";
                var block = \"""
                    select * from enrolments where status <> 'ENDED'
                    \""";
                """;
        assertThat(statesSpelledIn(source, List.of("DONE", "OPEN", "ENDED")))
                .containsExactlyInAnyOrder(
                        "update tasks set status = 'DONE' where id = ?",
                        "OPEN",
                        "select * from enrolments where status <> 'ENDED'");
    }

    /** The string literals of a Java source that spell one of the states, whole or quoted as in SQL. */
    static List<String> statesSpelledIn(String java, List<String> states) {
        var code = COMMENT.matcher(java).replaceAll(" ");
        var literals = new ArrayList<String>();
        var blocks = TEXT_BLOCK.matcher(code);
        while (blocks.find()) {
            literals.add(blocks.group(1).strip());
        }
        var strings = STRING.matcher(TEXT_BLOCK.matcher(code).replaceAll(" "));
        while (strings.find()) {
            literals.add(strings.group(1));
        }
        return literals.stream()
                .filter(literal ->
                        states.stream().anyMatch(state -> literal.equals(state) || literal.contains("'" + state + "'")))
                .distinct()
                .toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toList());
    }
}
