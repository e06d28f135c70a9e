package org.followthrough;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings live in one place: every {@code followthrough.*} setting is a component of a
 * {@code @ConfigurationProperties} record, which holds its default; no {@code @Value} repeats one,
 * {@code application.properties} sets none, and the README's settings table names every one.
 */
class SettingsTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern CONDITION = Pattern.compile("name = \"(followthrough\\.[a-z0-9.-]+)\"");

    @Test
    void everySettingIsInTheReadmesTable() throws IOException {
        var keys = new TreeSet<String>();
        new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.followthrough")
                        .stream()
                        .filter(c -> c.isAnnotatedWith(ConfigurationProperties.class))
                        .forEach(c -> {
                            var properties = c.reflect().getAnnotation(ConfigurationProperties.class);
                            var prefix = properties.prefix().isEmpty() ? properties.value() : properties.prefix();
                            if (prefix.startsWith("followthrough")) {
                                keys(prefix, c.reflect(), keys);
                            }
                        });
        try (var sources = Files.walk(MAIN)) {
            for (var file : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                var matcher = CONDITION.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        assertThat(keys).contains("followthrough.data-dir", "followthrough.mail.from", "followthrough.score.points.");

        var table = settingsTable();
        var missing = keys.stream()
                .filter(key -> !table.contains("`" + key + (key.endsWith(".") ? "" : "`")))
                .toList();
        assertThat(missing)
                .as("settings bound in code but missing from the README's settings table")
                .isEmpty();
    }

    @Test
    void defaultsAreWrittenOnceInTheirRecord() throws IOException {
        var scattered = new ArrayList<String>();
        try (var sources = Files.walk(MAIN)) {
            for (var file : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("@Value(\"${followthrough.")) {
                    scattered.add(file.toString());
                }
            }
        }
        assertThat(scattered).as("@Value reading a followthrough.* setting").isEmpty();
        try (var lines = Files.lines(Path.of("src/main/resources/application.properties"))) {
            assertThat(lines.filter(line -> line.startsWith("followthrough.")).toList())
                    .as("followthrough.* settings in application.properties: their defaults belong in the records")
                    .isEmpty();
        }
    }

    /** The setting keys of a record's components: nested records of this program bind below them, maps bind keys. */
    private static void keys(String prefix, Class<?> type, Set<String> keys) {
        if (type.getRecordComponents() == null) {
            return;
        }
        for (var component : type.getRecordComponents()) {
            var key = prefix + "." + kebab(component.getName());
            var componentType = component.getType();
            if (componentType.isRecord() && componentType.getName().startsWith("org.followthrough")) {
                keys(key, componentType, keys);
            } else if (Map.class.isAssignableFrom(componentType)) {
                keys.add(key + ".");
            } else {
                keys.add(key);
            }
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The README's "Settings" section. */
    static String settingsTable() throws IOException {
        var readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Settings\n");
        assertThat(start).as("the README has a Settings section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
