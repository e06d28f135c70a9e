package org.followthrough.bench;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.followthrough.scripts.MessageTemplate;
import org.followthrough.scripts.MessageValues;
import org.followthrough.scripts.Rendered;
import org.followthrough.scripts.TemplateDefaults;
import org.followthrough.scripts.TemplateKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reminder email (R10) filled in with every placeholder, as it is rendered for each booked
 * appointment: the compiled template is kept, the values are built per prospect. Aim: more than
 * 20,000 renders a second on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(1)
public class TemplateRenderBenchmark {

    private static final ZonedDateTime APPOINTMENT =
            ZonedDateTime.of(2026, 8, 18, 8, 45, 0, 0, ZoneId.of("America/New_York"));

    MessageTemplate reminder;
    Map<String, Object> values;
    String body;
    Map<String, String> flat;

    @Setup
    public void compile() {
        var d = TemplateDefaults.find(TemplateKey.of("reminder")).orElseThrow();
        reminder = MessageTemplate.compile(d.templateKey(), d.subject(), d.body());
        values = values();
        body = d.body();
        flat = new java.util.LinkedHashMap<>();
        flatten("", values, flat);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> from, Map<String, String> into) {
        for (var e : from.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> nested) {
                flatten(prefix + e.getKey() + ".", (Map<String, Object>) nested, into);
            } else {
                into.put(prefix + e.getKey(), String.valueOf(e.getValue()));
            }
        }
    }

    /** Rendering alone, with values already built. */
    @Benchmark
    public Rendered render() {
        return reminder.render(values);
    }

    /**
     * The baseline: the same body with its placeholders replaced by plain string replacement, no template
     * engine, no checks for missing values.
     */
    @Benchmark
    public String baselineStringReplace() {
        var text = body;
        for (var e : flat.entrySet()) {
            text = text.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return text;
    }

    /** Building the values (dates formatted in the prospect's zone) and rendering: the cost per email. */
    @Benchmark
    public Rendered buildValuesAndRender() {
        return reminder.render(values());
    }

    private static Map<String, Object> values() {
        return MessageValues.builder()
                .prospect("Debbie Marsh", null, "Acme Learning", "Head of Training")
                .rep("Michael Powers", "+1 212 555 0100", "michael@abc-educom.example")
                .company("ABC Educom")
                .lastConversation(
                        List.of("the automatic renewal of your training contract"),
                        List.of("a programme your staff finish"),
                        List.of("you were going to review the contract"))
                .appointment(APPOINTMENT)
                .agenda("We'll review the two modules and the contract, and I'll answer any questions")
                .article("What to check before an automatic renewal", "https://example.com/library/renewal")
                .build();
    }
}
