package org.followthrough.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of a test's own, created with initdb in a temporary directory and run on a free
 * port with pg_ctl, so the test may stop and start it. Its binaries are looked for in
 * {@code FOLLOWTHROUGH_PG_BIN}, under {@code /usr/lib/postgresql/<version>/bin} (the newest version) and
 * on the PATH; without them the test is skipped with a message, unless {@code FOLLOWTHROUGH_REQUIRE_ALL=true}.
 * PostgreSQL refuses to run as root, so as root it runs as the {@code postgres} user.
 */
final class LocalPostgres implements AutoCloseable {

    private final Path bin;
    private final Path home;
    private final Path data;
    private final int port;
    private final List<String> asUser;
    private boolean running;

    private LocalPostgres(Path bin, List<String> asUser) throws IOException, InterruptedException {
        this.bin = bin;
        this.asUser = asUser;
        this.home = Files.createTempDirectory("followthrough-pg-");
        this.data = home.resolve("data");
        this.port = freePort();
        if (!asUser.isEmpty()) {
            run(List.of("chown", "-R", "postgres", home.toString()), false);
        }
        run(
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-U",
                        "postgres",
                        "-A",
                        "trust",
                        "-E",
                        "UTF8",
                        "--locale=C",
                        "--no-sync"),
                true);
    }

    /** A new server, initialised and started, or the test skipped when PostgreSQL is not installed. */
    static LocalPostgres startOrSkip() throws IOException, InterruptedException {
        var bin = binaries();
        var required = "true".equalsIgnoreCase(System.getenv("FOLLOWTHROUGH_REQUIRE_ALL"));
        if (bin.isEmpty()) {
            var message = "PostgreSQL's initdb and pg_ctl were not found (set FOLLOWTHROUGH_PG_BIN to their directory)";
            if (required) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message + "; skipping");
        }
        List<String> asUser = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            if (!new File("/usr/sbin/runuser").canExecute() && !new File("/sbin/runuser").canExecute()) {
                var message = "running as root, and runuser is missing to run PostgreSQL as the postgres user";
                if (required) {
                    throw new IllegalStateException(message);
                }
                Assumptions.abort(message + "; skipping");
            }
            asUser = List.of("runuser", "-u", "postgres", "--");
        }
        var postgres = new LocalPostgres(bin.get(), asUser);
        postgres.start();
        return postgres;
    }

    private static Optional<Path> binaries() {
        var candidates = new ArrayList<Path>();
        var given = System.getenv("FOLLOWTHROUGH_PG_BIN");
        if (given != null && !given.isBlank()) {
            candidates.add(Path.of(given));
        }
        var installed = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> versions = Files.list(installed)) {
                versions.sorted(Comparator.comparing(LocalPostgres::version).reversed())
                        .map(v -> v.resolve("bin"))
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (var dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir));
            }
        }
        return candidates.stream()
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
                .findFirst();
    }

    private static int version(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString().replaceAll("\\..*", ""));
        } catch (NumberFormatException notAVersion) {
            return -1;
        }
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the server and waits until it takes connections. */
    void start() throws IOException, InterruptedException {
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        data.toString(),
                        "-l",
                        home.resolve("postgres.log").toString(),
                        "-w",
                        "-t",
                        "120",
                        "-o",
                        "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c max_connections=100",
                        "start"),
                true);
        running = true;
    }

    /** Stops the server the way an operator does for maintenance: open connections are cut at once. */
    void stop() throws IOException, InterruptedException {
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        data.toString(),
                        "-m",
                        "fast",
                        "-w",
                        "-t",
                        "120",
                        "stop"),
                true);
        running = false;
    }

    private void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        var full = new ArrayList<String>();
        if (asPostgres) {
            full.addAll(asUser);
        }
        full.addAll(command);
        var process = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("commands.log").toFile()))
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 3 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with " + process.exitValue() + ":\n"
                    + Files.readString(home.resolve("commands.log")));
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (running) {
            stop();
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
