package org.followthrough.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.followthrough.OutsidePart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Mozilla's ical.js, run with Node, as an independent reader of the invitations ical4j writes: it
 * computes each event's instants from the file's own VTIMEZONE and unescapes its text (see
 * {@code src/test/ical/README.md}). Without Node the calling test skips, in CI it fails.
 */
public final class IcalJs {

    private static final Path HOME = Path.of("src", "test", "ical").toAbsolutePath();
    private static final Object INSTALL = new Object();

    /** What ical.js reads from one event; {@code error} says why it could not, and then the rest is empty. */
    public record Event(
            String file,
            String error,
            String method,
            String uid,
            Integer sequence,
            Instant start,
            Instant end,
            String startTzid,
            String endTzid,
            String summary,
            String description,
            String location,
            String organizer,
            List<Attendee> attendees,
            List<String> tzids,
            int longestLine) {}

    public record Attendee(String name, String address) {}

    private IcalJs() {}

    /** ical.js, installed from the lock file if need be; skips (or in CI fails) the test without Node. */
    public static IcalJs require() {
        OutsidePart.require(runs(List.of("node", "--version"), HOME), "Node.js (to run ical.js)");
        synchronized (INSTALL) {
            if (!Files.isDirectory(HOME.resolve("node_modules/ical.js"))) {
                OutsidePart.require(
                        runs(List.of("npm", "ci", "--no-audit", "--no-fund"), HOME),
                        "ical.js from npm (npm ci in src/test/ical)");
            }
        }
        return new IcalJs();
    }

    /** Every event of the .ics files in a directory, by file name, in one run of Node. */
    public Map<String, Event> read(Path directory) throws Exception {
        var out = Files.createTempFile("ical-js", ".jsonl");
        var err = Files.createTempFile("ical-js", ".err");
        try {
            var process = new ProcessBuilder(
                            "node", HOME.resolve("read-invitations.mjs").toString(), directory.toString())
                    .directory(HOME.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("ical.js did not finish within 5 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("ical.js failed: " + Files.readString(err));
            }
            var json = new ObjectMapper();
            var events = new LinkedHashMap<String, Event>();
            for (var line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    var event = event(json.readTree(line));
                    events.put(Path.of(event.file()).getFileName().toString(), event);
                }
            }
            return events;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The one event of one invitation. */
    public Event readOne(String ics) throws Exception {
        var directory = Files.createTempDirectory("invitation");
        try {
            Files.writeString(directory.resolve("invitation.ics"), ics, StandardCharsets.UTF_8);
            return read(directory).get("invitation.ics");
        } finally {
            try (var files = Files.list(directory)) {
                for (var file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
    }

    private static Event event(JsonNode node) {
        var attendees = new ArrayList<Attendee>();
        for (var attendee : node.path("attendees")) {
            attendees.add(new Attendee(text(attendee, "name"), text(attendee, "address")));
        }
        var tzids = new ArrayList<String>();
        for (var tzid : node.path("tzids")) {
            tzids.add(tzid.asString());
        }
        return new Event(
                text(node, "file"),
                text(node, "error"),
                text(node, "method"),
                text(node, "uid"),
                node.hasNonNull("sequence") ? node.get("sequence").asInt() : null,
                node.hasNonNull("start") ? Instant.parse(node.get("start").asString()) : null,
                node.hasNonNull("end") ? Instant.parse(node.get("end").asString()) : null,
                text(node, "startTzid"),
                text(node, "endTzid"),
                text(node, "summary"),
                text(node, "description"),
                text(node, "location"),
                text(node, "organizer"),
                List.copyOf(attendees),
                List.copyOf(tzids),
                node.path("longestLine").asInt());
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    private static boolean runs(List<String> command, Path directory) {
        try {
            var process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
