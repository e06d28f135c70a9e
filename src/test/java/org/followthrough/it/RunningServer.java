package org.followthrough.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FollowThrough started from its packaged jar as a separate process, the way an operator runs it,
 * so a test can kill it with SIGKILL and start it again on the same database. Uses PostgreSQL when
 * SPRING_DATASOURCE_URL is set, otherwise an H2 file database of its own.
 */
final class RunningServer implements AutoCloseable {

    static final String ADMIN = "admin@example.com";
    static final String PASSWORD = "Violet-Harbour-Lantern-73";

    private static final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path dataDir;
    private final int port;
    private final String name;
    private final List<String> extraArguments = new ArrayList<>();
    private Process process;

    RunningServer(Path dataDir, String name) {
        this.dataDir = dataDir;
        this.name = name;
        this.port = freePort();
    }

    /** Adds command-line settings, such as the SMTP server to use. */
    RunningServer with(String... arguments) {
        extraArguments.addAll(List.of(arguments));
        return this;
    }

    static Path jar() {
        var jar = Path.of(System.getProperty("followthrough.jar", "target/followthrough-0.1.0-exec.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Package FollowThrough first (./mvnw verify does): " + jar + " is missing");
        }
        return jar;
    }

    RunningServer start() throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(
                javaBinary(),
                "-Xmx512m",
                "-jar",
                jar().toString(),
                "--server.port=" + port,
                "--followthrough.data-dir=" + dataDir,
                "--db-scheduler.scheduler-name=" + name + "-" + System.nanoTime()));
        command.addAll(extraArguments);
        boolean ownDatabase = extraArguments.stream().anyMatch(a -> a.startsWith("--spring.datasource.url="));
        if (System.getenv("SPRING_DATASOURCE_URL") == null && !ownDatabase) {
            command.add("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("followthrough")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        }
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dataDir.toFile(), name + ".log")));
        builder.environment().put("FOLLOWTHROUGH_ADMIN_EMAIL", ADMIN);
        builder.environment().put("FOLLOWTHROUGH_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("FOLLOWTHROUGH_DEMO", "false");
        process = builder.start();
        awaitHealthy(Duration.ofSeconds(420));
        return this;
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Sends a request as the administrator (or with the given headers, such as a Bearer token, instead)
     * and returns the answer whatever its status.
     */
    HttpResponse<String> exchange(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(90))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length == 0) {
            var basic = Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        } else {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String body) {
        return json.readTree(body);
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        var basic = Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        var response = http.send(
                request.header("Authorization", "Basic " + basic)
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "FollowThrough exited with " + process.exitValue() + "; see " + dataDir.resolve(name + ".log"));
            }
            try {
                var response = http.send(
                        HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("FollowThrough did not become healthy within " + timeout);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
