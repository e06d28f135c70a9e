package org.followthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations run in one strict order, each version once, and none depends on application code: a
 * migration is a step taken once, so what it does must not change when the code it would call does.
 */
class MigrationsTest {

    private static final Path SQL = Path.of("src/main/resources/db/migration");
    private static final Path JAVA = Path.of("src/main/java/db/migration");
    private static final Pattern NAME = Pattern.compile("V(\\d+(?:_\\d+)*)__\\w+\\.(?:sql|java)");

    @Test
    void versionsAreUniqueAndAppliedInOrderOnly() throws IOException {
        var versions = new ArrayList<List<BigInteger>>();
        try (var files = Stream.concat(Files.list(SQL), Files.list(JAVA))) {
            for (var file : files.toList()) {
                var matcher = NAME.matcher(file.getFileName().toString());
                assertThat(matcher.matches())
                        .as(file + " is named V<version>__<description>")
                        .isTrue();
                versions.add(Stream.of(matcher.group(1).split("_"))
                        .map(BigInteger::new)
                        .toList());
            }
        }
        var distinct = versions.stream().map(v -> strip(v)).distinct().count();
        assertThat(distinct).as("each version once").isEqualTo(versions.size());
        assertThat(versions).hasSizeGreaterThan(30);

        var properties = Files.readString(Path.of("src/main/resources/application.properties"));
        assertThat(properties)
                .as("migrations are applied in version order only, never out of order")
                .doesNotContain("out-of-order");
    }

    @Test
    void noJavaMigrationUsesApplicationCode() throws IOException {
        try (var files = Files.list(JAVA)) {
            for (var file : files.toList()) {
                var source = Files.readString(file);
                assertThat(source)
                        .as(file + " stands on its own")
                        .doesNotContain("import org.followthrough")
                        .doesNotContain("org.followthrough.");
            }
        }
    }

    private static List<BigInteger> strip(List<BigInteger> version) {
        var parts = new ArrayList<>(version);
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }
}
