package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.followthrough.common.TimeZones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invitations in every time zone the JDK knows, read back by an independent parser (Mozilla's
 * ical.js, see {@link IcalJs}): the start and end a calendar computes from the file's own VTIMEZONE
 * must be the appointment's instants, around every transition from 2014 to 2026 (Moscow's last
 * change, Istanbul's and Brazil's end of daylight saving time, Mexico's, Iran's, Egypt's ...), around
 * each zone's next two transitions from today, and in mid-winter and mid-summer of several years.
 * Separately, for places whose law is named in {@code tz/utc-offsets.tsv}, the instant must be the
 * one that law gives.
 */
class InvitationsInEveryZoneTest {

    static final Duration LENGTH = Duration.ofMinutes(15);
    static final Instant STAMP = Instant.parse("2026-12-07T12:00:00Z");
    static final Instant FROM = Instant.parse("2014-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

    private final Invitations invitations = new Invitations();

    @Test
    void everyZoneIsReadBackAtTheAgreedInstantsByAnIndependentParser(@TempDir Path dir) throws Exception {
        var icalJs = IcalJs.require();
        var written = new LinkedHashMap<String, ZonedDateTime>();
        var zones = new TreeSet<String>();
        for (var id : jdkZones()) {
            zones.add(TimeZones.canonical(id));
        }
        for (var id : zones) {
            var zone = ZoneId.of(id);
            for (var at : samples(zone)) {
                write(dir, written, at.atZone(zone));
            }
        }
        for (var id : jdkZones()) {
            if (TimeZones.isLink(id)) {
                // a backward name is written as the zone it links to
                write(dir, written, ZonedDateTime.of(2026, 7, 15, 10, 0, 0, 0, ZoneId.of(id)));
            }
        }

        var read = icalJs.read(dir);

        var problems = new ArrayList<String>();
        int local = 0;
        for (var entry : written.entrySet()) {
            var appointment = entry.getValue();
            var event = read.get(entry.getKey());
            var what = entry.getKey() + " (" + appointment + ")";
            if (event == null || event.error() != null) {
                problems.add(what + ": " + (event == null ? "not read" : event.error()));
                continue;
            }
            if (!appointment.toInstant().equals(event.start())
                    || !appointment.toInstant().plus(LENGTH).equals(event.end())) {
                problems.add(what + ": read as " + event.start() + " to " + event.end());
            }
            var canonical = TimeZones.canonical(appointment.getZone().getId());
            if (unambiguous(appointment) && unambiguous(appointment.plus(LENGTH))) {
                local++;
                if (!canonical.equals(event.startTzid())
                        || !canonical.equals(event.endTzid())
                        || !event.tzids().equals(List.of(canonical))) {
                    problems.add(what + ": TZID " + event.startTzid() + ", zones defined " + event.tzids());
                }
            } else if (event.startTzid() != null || event.endTzid() != null) {
                problems.add(what + ": a repeated local time written with a TZID");
            }
            if (event.longestLine() > IcsText.LINE_OCTETS) {
                problems.add(what + ": a line of " + event.longestLine() + " octets");
            }
        }
        assertThat(problems)
                .as("%d invitations, first problems", written.size())
                .isEmpty();
        assertThat(zones).as("canonical zones").hasSizeGreaterThan(400);
        assertThat(written).hasSizeGreaterThan(10_000);
        assertThat(local).as("invitations in local time with a VTIMEZONE").isGreaterThan(written.size() / 2);
    }

    @Test
    void whereTheLawIsKnownTheInstantIsTheOneTheLawGives(@TempDir Path dir) throws Exception {
        var icalJs = IcalJs.require();
        var facts = facts();
        var written = new LinkedHashMap<String, ZonedDateTime>();
        for (var fact : facts) {
            write(dir, written, fact.local().atZone(ZoneId.of(fact.zone())));
        }
        var read = icalJs.read(dir);
        int i = 0;
        for (var name : written.keySet()) {
            var fact = facts.get(i++);
            var agreed = fact.local().toInstant(fact.offset());
            var event = read.get(name);
            assertThat(event.error()).as(fact.toString()).isNull();
            assertThat(event.start()).as(fact.toString()).isEqualTo(agreed);
            assertThat(event.end()).as(fact.toString()).isEqualTo(agreed.plus(LENGTH));
            assertThat(event.startTzid()).as(fact.toString()).isEqualTo(fact.zone());
        }
        assertThat(facts).hasSizeGreaterThan(20);
    }

    /** Whether a local time happens once only in its zone (else it is written in UTC). */
    static boolean unambiguous(ZonedDateTime time) {
        return time.getZone().getRules().getValidOffsets(time.toLocalDateTime()).size() == 1;
    }

    /** The JDK's zones (ical4j adds ids of its own, "ical4j-local-...", to those the JDK reports). */
    static List<String> jdkZones() {
        return ZoneId.getAvailableZoneIds().stream()
                .filter(id -> !id.startsWith("ical4j"))
                .sorted()
                .toList();
    }

    /** Instants to book at in a zone: around each transition of 2014-2026 and the next two, mid-season days. */
    static List<Instant> samples(ZoneId zone) {
        var rules = zone.getRules();
        var samples = new ArrayList<Instant>();
        for (int year : new int[] {2016, 2019, 2022, 2026}) {
            samples.add(LocalDateTime.of(year, 1, 15, 10, 0).atZone(zone).toInstant());
            samples.add(LocalDateTime.of(year, 7, 15, 10, 0).atZone(zone).toInstant());
        }
        var transitions = new ArrayList<Instant>();
        for (var t = rules.nextTransition(FROM);
                t != null && t.getInstant().isBefore(UNTIL);
                t = rules.nextTransition(t.getInstant())) {
            transitions.add(t.getInstant());
        }
        var next = rules.nextTransition(Instant.now());
        if (next != null) {
            transitions.add(next.getInstant());
            var after = rules.nextTransition(next.getInstant());
            if (after != null) {
                transitions.add(after.getInstant());
            }
        }
        for (var t : transitions) {
            // across it (the appointment ends after it), at it, and within the hour after it
            for (int minutes : new int[] {-10, 0, 30}) {
                samples.add(t.plus(Duration.ofMinutes(minutes)));
            }
        }
        return samples;
    }

    private void write(Path dir, Map<String, ZonedDateTime> written, ZonedDateTime at) throws Exception {
        var name = "%06d.ics".formatted(written.size());
        var ics = invitations.ics(invitation("appointment-" + written.size() + "@followthrough", at), STAMP);
        Files.writeString(dir.resolve(name), ics, StandardCharsets.UTF_8);
        written.put(name, at);
    }

    static Invitation invitation(String uid, ZonedDateTime at) {
        return new Invitation(
                uid,
                0,
                Invitation.Method.REQUEST,
                at,
                LENGTH,
                "Call with Robin Rep (Acme Logistics)",
                "The call should only take 10 minutes. Then we'll determine the next steps, if any.",
                new Recipient("Robin Rep", "rep@example.com"),
                new Recipient("Pat Prospect", "pat@prospect.example"));
    }

    record Fact(String zone, LocalDateTime local, ZoneOffset offset, String source) {}

    static List<Fact> facts() throws Exception {
        var facts = new ArrayList<Fact>();
        try (var reader = new BufferedReader(new InputStreamReader(
                InvitationsInEveryZoneTest.class.getResourceAsStream("/tz/utc-offsets.tsv"), StandardCharsets.UTF_8))) {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var columns = line.split("\t");
                facts.add(new Fact(columns[0], LocalDateTime.parse(columns[1]), ZoneOffset.of(columns[2]), columns[3]));
            }
        }
        return facts;
    }
}
