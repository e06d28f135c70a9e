package org.followthrough.prospects.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.followthrough.prospects.Stage;

/**
 * What the values of a CRM's stage and consent columns mean, as data: {@code imports/stage-names.tsv}
 * (lifecycle stage, lead status, contact stage → a {@link Stage}) and {@code imports/flag-values.tsv}
 * (a consent column's yes and no in the words exports use).
 */
public final class ImportValues {

    private static final Map<String, Stage> STAGES = load("/imports/stage-names.tsv", Stage::valueOf);
    private static final Map<String, Boolean> FLAGS = load("/imports/flag-values.tsv", v -> switch (v) {
        case "yes" -> true;
        case "no" -> false;
        default -> throw new IllegalStateException("a flag value means yes or no, not " + v);
    });

    private ImportValues() {}

    public static Optional<Stage> stage(String value) {
        return Optional.ofNullable(STAGES.get(ColumnNames.key(value)));
    }

    public static Optional<Boolean> flag(String value) {
        return Optional.ofNullable(FLAGS.get(ColumnNames.key(value)));
    }

    /** Every stage value known, for tests. */
    static Map<String, Stage> stages() {
        return Map.copyOf(STAGES);
    }

    private static <T> Map<String, T> load(String resource, Function<String, T> meaning) {
        var values = new HashMap<String, T>();
        try (var in = ImportValues.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var cells = line.split("\t", -1);
                var value = meaning.apply(cells[1]);
                var before = values.put(ColumnNames.key(cells[0]), value);
                if (before != null && !before.equals(value)) {
                    throw new IllegalStateException(resource + ": '" + cells[0] + "' has two meanings");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}
