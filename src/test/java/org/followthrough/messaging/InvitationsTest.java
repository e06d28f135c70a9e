package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class InvitationsTest {

    private final Invitations invitations = new Invitations();
    private final ZonedDateTime appointment = ZonedDateTime.of(2026, 8, 18, 8, 45, 0, 0, ZoneId.of("America/New_York"));

    @Test
    void anAppointmentInvitationIsAValidRequestInTheProspectsTimeZone() throws Exception {
        var calendar =
                parse(invitations.ics(invitation(0, Invitation.Method.REQUEST), Instant.parse("2026-08-11T14:00:00Z")));

        assertThat(calendar.validate().getEntries()).as("validation").isEmpty();
        assertThat(itipErrors(calendar)).as("iTIP REQUEST").isEmpty();
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("REQUEST");
        var event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("appointment-42@followthrough");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20260818T084500");
        assertThat(event.getProperty(Property.DTSTART)
                        .orElseThrow()
                        .getParameter("TZID")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("America/New_York");
        assertThat(event.getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo("20260818T090000");
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue())
                .isEqualTo("mailto:rep@example.com");
        assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getValue())
                .isEqualTo("mailto:pat@prospect.example");
        assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .contains("next steps, if any");
        assertThat(calendar.getComponent("VTIMEZONE"))
                .as("time zone definition")
                .isPresent();
    }

    @Test
    void iTipValidationCatchesAnInvitationWithoutAnAttendee() throws Exception {
        var calendar =
                parse(invitations.ics(invitation(0, Invitation.Method.REQUEST), Instant.parse("2026-08-11T14:00:00Z")));
        var event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        event.remove(event.getProperty(Property.ATTENDEE).orElseThrow());

        assertThat(itipErrors(calendar)).as("the check can fail").isNotEmpty();
    }

    @Test
    void aMovedAppointmentKeepsItsUidWithAHigherSequenceAndACancellationSaysCancel() throws Exception {
        var moved = parse(invitations.ics(invitation(1, Invitation.Method.REQUEST), Instant.now()));
        var cancelled = parse(invitations.ics(invitation(2, Invitation.Method.CANCEL), Instant.now()));

        var event = moved.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("appointment-42@followthrough");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("1");
        assertThat(cancelled.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("CANCEL");
        assertThat(cancelled
                        .<VEvent>getComponent("VEVENT")
                        .orElseThrow()
                        .getProperty(Property.STATUS)
                        .orElseThrow()
                        .getValue())
                .isEqualTo("CANCELLED");
        assertThat(cancelled.validate().hasErrors()).isFalse();
        assertThat(itipErrors(moved)).as("iTIP REQUEST").isEmpty();
        assertThat(itipErrors(cancelled)).as("iTIP CANCEL").isEmpty();
    }

    @Test
    void theZoneIsDefinedFromTheJdksRulesAndTheLocalTimeIsTheJdks() throws Exception {
        // Moscow has kept UTC+3 all year since 26 October 2014; older zone copies still say +4 in summer
        var moscow = at(ZonedDateTime.of(2026, 7, 15, 10, 0, 0, 0, ZoneId.of("Europe/Moscow")));
        assertThat(moscow)
                .contains("\r\nDTSTART;TZID=Europe/Moscow:20260715T100000\r\n")
                .contains("\r\nDTEND;TZID=Europe/Moscow:20260715T101500\r\n")
                .contains("TZOFFSETTO:+0300")
                .doesNotContain("+0400", "DAYLIGHT");
        assertThat(parse(moscow).validate().getEntries()).isEmpty();

        // Brazil ended daylight saving time in 2019: nothing of it within a year of 2026
        assertThat(at(ZonedDateTime.of(2026, 11, 15, 10, 0, 0, 0, ZoneId.of("America/Sao_Paulo"))))
                .contains("DTSTART;TZID=America/Sao_Paulo:20261115T100000")
                .contains("TZOFFSETTO:-0300")
                .doesNotContain("-0200", "DAYLIGHT");
        // ... but an appointment in its last summer of it has the end of it defined
        assertThat(at(ZonedDateTime.of(2019, 2, 12, 10, 0, 0, 0, ZoneId.of("America/Sao_Paulo"))))
                .contains("DTSTART;TZID=America/Sao_Paulo:20190212T100000")
                .contains("BEGIN:STANDARD\r\nDTSTART:20190217T000000\r\nTZOFFSETFROM:-0200\r\nTZOFFSETTO:-0300\r\n");

        var newYork = at(appointment);
        assertThat(newYork)
                .contains("BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n")
                .contains("BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\n");
    }

    @Test
    void aBackwardZoneNameIsWrittenAsTheZoneItLinksTo() throws Exception {
        var ics = at(ZonedDateTime.of(2026, 8, 18, 11, 0, 0, 0, ZoneId.of("Asia/Calcutta")));

        assertThat(ics)
                .contains("DTSTART;TZID=Asia/Kolkata:20260818T110000", "\r\nTZID:Asia/Kolkata\r\n", "TZOFFSETTO:+0530")
                .doesNotContain("Calcutta");
        var calendar = parse(ics);
        assertThat(calendar.validate().getEntries()).isEmpty();
        assertThat(itipErrors(calendar)).isEmpty();
    }

    @Test
    void aLocalTimeThatHappensTwiceAndAFixedOffsetAreWrittenInUtc() throws Exception {
        var firstHalfPastOne = ZonedDateTime.of(2026, 11, 1, 1, 30, 0, 0, ZoneId.of("America/New_York"));
        var secondHalfPastOne = firstHalfPastOne.withLaterOffsetAtOverlap();

        assertThat(at(firstHalfPastOne))
                .contains("\r\nDTSTART:20261101T053000Z\r\n", "\r\nDTEND:20261101T054500Z\r\n")
                .doesNotContain("TZID");
        assertThat(at(secondHalfPastOne))
                .contains("\r\nDTSTART:20261101T063000Z\r\n")
                .doesNotContain("TZID");
        // an appointment that ends in the repeated hour
        assertThat(at(firstHalfPastOne.minusMinutes(40))).contains("\r\nDTSTART:20261101T045000Z\r\n");
        assertThat(at(ZonedDateTime.of(2026, 8, 18, 11, 0, 0, 0, ZoneOffset.ofHours(3))))
                .contains("\r\nDTSTART:20260818T080000Z\r\n")
                .doesNotContain("TZID", "VTIMEZONE");
    }

    @Test
    void textIsEscapedAndRidOfControlCharactersAndNamesAreOneLine() throws Exception {
        var ics = invitations.ics(awkward(), Instant.parse("2026-08-11T14:00:00Z"));
        var unfolded = ics.replace("\r\n ", "");

        assertThat(unfolded)
                .contains("\r\nSUMMARY:Call\\; with\\, a \\\\ and\\nlines\\nthree\\nfour\tand a bell\r\n")
                .contains("\r\nLOCATION:Room 4\\, floor 2\\; ring twice\r\n")
                .contains("ATTENDEE;CN=\"Pat ^'PJ^' O'Neil, Jr.; Ops: Lead\";")
                .contains("ORGANIZER;CN=Robin Rep:mailto:rep@example.com")
                .doesNotContain("\u0007", "\u001b", "\r\r", "\n\n");
        var event = parse(ics).<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue())
                .isEqualTo("Call; with, a \\ and\nlines\nthree\nfour\tand a bell");
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo("Room 4, floor 2; ring twice");
    }

    @Test
    void everyLineIsFoldedAtSeventyFiveOctetsWithoutSplittingACharacter() throws Exception {
        var ics = invitations.ics(awkward(), Instant.parse("2026-08-11T14:00:00Z"));

        var utf8 = java.nio.charset.StandardCharsets.UTF_8;
        assertThat(ics).endsWith("\r\n").doesNotContain("\r\n\r\n");
        var lines = ics.split("\r\n");
        int folded = 0;
        for (var line : lines) {
            assertThat(line.getBytes(utf8).length).as(line).isLessThanOrEqualTo(75);
            // each line on its own is whole UTF-8 (a strict decoder refuses a split character)
            utf8.newDecoder().decode(java.nio.ByteBuffer.wrap(line.getBytes(utf8)));
            folded += line.startsWith(" ") ? 1 : 0;
        }
        assertThat(folded).as("continuation lines").isGreaterThan(5);
        var event = parse(ics).<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .isEqualTo(LONG_DESCRIPTION);
        assertThat(IcsText.fold("A:" + "é".repeat(40) + "\r\n"))
                .isEqualTo("A:" + "é".repeat(36) + "\r\n " + "é".repeat(4) + "\r\n");
        assertThat(IcsText.fold("A:" + "x".repeat(72) + "😀\r\n")).isEqualTo("A:" + "x".repeat(72) + "\r\n 😀\r\n");
    }

    @Test
    void anIndependentParserReadsTheTextAndTheTimeBackAsMeant() throws Exception {
        var icalJs = IcalJs.require();

        var event = icalJs.readOne(invitations.ics(awkward(), Instant.parse("2026-08-11T14:00:00Z")));

        assertThat(event.error()).isNull();
        assertThat(event.start()).isEqualTo(Instant.parse("2026-07-15T07:00:00Z"));
        assertThat(event.end()).isEqualTo(Instant.parse("2026-07-15T07:15:00Z"));
        assertThat(event.startTzid()).isEqualTo("Europe/Moscow");
        assertThat(event.summary()).isEqualTo("Call; with, a \\ and\nlines\nthree\nfour\tand a bell");
        assertThat(event.description()).isEqualTo(LONG_DESCRIPTION);
        assertThat(event.location()).isEqualTo("Room 4, floor 2; ring twice");
        assertThat(event.organizer()).isEqualTo("Robin Rep");
        assertThat(event.attendees())
                .containsExactly(
                        new IcalJs.Attendee("Pat \"PJ\" O'Neil, Jr.; Ops: Lead", "mailto:pat@prospect.example"));
        assertThat(event.longestLine()).isLessThanOrEqualTo(75);
    }

    @Test
    void theIndependentReaderCatchesAZoneLeftUndefinedOrDefinedWrongly() throws Exception {
        var icalJs = IcalJs.require();
        var ics = invitations.ics(awkward(), Instant.parse("2026-08-11T14:00:00Z"));

        var undefined = ics.substring(0, ics.indexOf("BEGIN:VTIMEZONE"))
                + ics.substring(ics.indexOf("END:VTIMEZONE\r\n") + "END:VTIMEZONE\r\n".length());
        assertThat(icalJs.readOne(undefined).error()).contains("TZID Europe/Moscow", "does not define");
        var wrong = icalJs.readOne(ics.replace("TZOFFSETTO:+0300", "TZOFFSETTO:+0400"));
        assertThat(wrong.error()).isNull();
        assertThat(wrong.start()).isEqualTo(Instant.parse("2026-07-15T06:00:00Z"));
    }

    static final String LONG_DESCRIPTION =
            "Préparation de l'appel — 準備のための長い説明です。 " + "Ünïcödé wörds and emoji 😀😀😀 then more: ".repeat(6) + "end.";

    private Invitation awkward() {
        return new Invitation(
                "appointment-43@followthrough",
                0,
                Invitation.Method.REQUEST,
                ZonedDateTime.of(2026, 7, 15, 10, 0, 0, 0, ZoneId.of("Europe/Moscow")),
                Duration.ofMinutes(15),
                "Call; with, a \\ and\r\nlines\rthree\nfour\tand a bell\u0007\u001b",
                LONG_DESCRIPTION,
                "Room 4, floor 2; ring twice",
                new Recipient("Robin Rep", "rep@example.com"),
                new Recipient("Pat \"PJ\" O'Neil, Jr.;\r\nOps: Lead", "pat@prospect.example"));
    }

    private String at(ZonedDateTime start) {
        return invitations.ics(
                new Invitation(
                        "appointment-44@followthrough",
                        0,
                        Invitation.Method.REQUEST,
                        start,
                        Duration.ofMinutes(15),
                        "Call",
                        "",
                        new Recipient("Robin Rep", "rep@example.com"),
                        new Recipient("Pat Prospect", "pat@prospect.example")),
                Instant.parse("2026-08-11T14:00:00Z"));
    }

    private Invitation invitation(int sequence, Invitation.Method method) {
        return new Invitation(
                "appointment-42@followthrough",
                sequence,
                method,
                appointment,
                Duration.ofMinutes(15),
                "Telephone appointment with Robin Rep",
                "The call should only take 10 minutes; then we'll determine the next steps, if any.",
                new Recipient("Robin Rep", "rep@example.com"),
                new Recipient("Pat Prospect", "pat@prospect.example"));
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    /**
     * What iTIP (RFC 5546) finds wrong with a calendar sent as an invitation: the calendar's own rules
     * (one PRODID, VERSION and METHOD) and each event's rules for that method (a REQUEST names an
     * organiser, attendees, a summary and a start; a CANCEL its sequence and uid), errors only.
     */
    static java.util.List<net.fortuna.ical4j.validate.ValidationEntry> itipErrors(Calendar calendar) throws Exception {
        var method = (net.fortuna.ical4j.model.property.Method)
                calendar.getProperty(Property.METHOD).orElseThrow();
        var result = new net.fortuna.ical4j.validate.ITIPValidator().validate(calendar);
        for (var event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            result = result.merge(event.validate(method));
        }
        return result.getEntries().stream()
                .filter(e -> e.getSeverity() == net.fortuna.ical4j.validate.ValidationEntry.Severity.ERROR)
                .toList();
    }
}
