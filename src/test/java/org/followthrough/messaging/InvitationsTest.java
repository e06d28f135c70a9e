package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
