package org.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an outside command (npm, node) for the API's tests: its output, or a failure that shows it. */
final class Commands {

    private Commands() {}

    /** Runs the command in {@code dir} with {@code env} added; fails unless it ends within the time and with 0. */
    static String run(List<String> command, Path dir, Map<String, String> env, int seconds)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        var process = builder.start();
        var output = new StringBuilder();
        var reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append(e);
            }
        });
        reader.start();
        boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        reader.join(Duration.ofSeconds(5).toMillis());
        assertThat(ended)
                .as(String.join(" ", command) + " within " + seconds + " s\n" + output)
                .isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
        return output.toString();
    }
}
