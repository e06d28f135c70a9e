package org.followthrough.messaging;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.followthrough.common.TimeZones;
import org.springframework.stereotype.Component;

/**
 * Writes appointment invitations as iCalendar (RFC 5545) text in the prospect's time zone.
 *
 * <p>The start and end are local times in the zone under its canonical IANA name (Asia/Kolkata,
 * never Asia/Calcutta), and the file defines that zone with a VTIMEZONE written from the JDK's own
 * zone rules ({@link ZoneDefinitions}) for a year before the appointment to three years after it. A
 * local time the zone's rules make ambiguous (the hour repeated when clocks go back) and a zone that
 * is a fixed offset are written in UTC instead, which no calendar can misread. Text is cleaned of
 * control characters and escaped, names are one line, and every line is folded at 75 octets.
 */
@Component
public class Invitations {

    /** How far before and after the appointment the zone's definition reaches. */
    static final int YEARS_BEFORE = 1;

    static final int YEARS_AFTER = 3;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    /** The invitation as an iCalendar object; {@code stamp} is when it was issued. */
    public String ics(Invitation invitation, Instant stamp) {
        var zone = canonical(invitation.start().getZone());
        var start = invitation.start().withZoneSameInstant(zone);
        var end = start.plus(invitation.duration());
        var local = !(zone instanceof ZoneOffset) && unambiguous(start) && unambiguous(end);
        var event = new VEvent(false)
                .<VEvent>add(new Uid(invitation.uid()))
                .<VEvent>add(new DtStamp(stamp))
                .<VEvent>add(starting(start, local))
                .<VEvent>add(ending(end, local))
                .<VEvent>add(new Summary(IcsText.text(invitation.summary())))
                .<VEvent>add(new Sequence(invitation.sequence()))
                .<VEvent>add(new Description(IcsText.text(invitation.description())))
                .<VEvent>add(status(invitation))
                .<VEvent>add(new Organizer(named(invitation.organizer()), mailto(invitation.organizer())))
                .<VEvent>add(new Attendee(
                        named(invitation.attendee())
                                .add(Role.REQ_PARTICIPANT)
                                .add(PartStat.NEEDS_ACTION)
                                .add(Rsvp.TRUE),
                        mailto(invitation.attendee())));
        if (invitation.location() != null) {
            event.add(new Location(IcsText.text(invitation.location())));
        }
        var calendar = new Calendar()
                .<Calendar>add(new ProdId("-//FollowThrough//Appointments//EN"))
                .<Calendar>add(ImmutableVersion.VERSION_2_0)
                .<Calendar>add(ImmutableCalScale.GREGORIAN)
                .<Calendar>add(
                        invitation.method() == Invitation.Method.CANCEL
                                ? ImmutableMethod.CANCEL
                                : ImmutableMethod.REQUEST);
        if (local) {
            calendar.add(ZoneDefinitions.of(
                    zone,
                    start.minusYears(YEARS_BEFORE).toInstant(),
                    start.plusYears(YEARS_AFTER).toInstant()));
        }
        calendar.add(event);
        // ical4j escapes the text; it folds by characters, not octets, so folding is done here
        return IcsText.fold(calendar.toString());
    }

    private static Property starting(ZonedDateTime time, boolean local) {
        return local ? localTime(Property.DTSTART, time) : new DtStart<>(time.toInstant());
    }

    private static Property ending(ZonedDateTime time, boolean local) {
        return local ? localTime(Property.DTEND, time) : new DtEnd<>(time.toInstant());
    }

    /**
     * A local date-time with its zone's TZID, the local time as the JDK's rules give it. Given a
     * ZonedDateTime or a TZID parameter on its own date properties, ical4j would look the zone up in
     * its own, older copy of the tz database (Moscow's summer of 2026 an hour off) and take a moment
     * to load it, so the property is written as plain content.
     */
    private static Property localTime(String name, ZonedDateTime time) {
        return new XProperty(
                name, new ParameterList(List.of(new TzId(time.getZone().getId()))), LOCAL.format(time));
    }

    /** The zone under its canonical name, if this JDK knows that name (an older JDK may not). */
    private static ZoneId canonical(ZoneId zone) {
        try {
            return TimeZones.canonical(zone);
        } catch (DateTimeException e) {
            return zone;
        }
    }

    /** Whether the local time names one instant only in its zone (not in the hour repeated in autumn). */
    private static boolean unambiguous(ZonedDateTime time) {
        return time.getZone().getRules().getValidOffsets(time.toLocalDateTime()).size() == 1;
    }

    private static ParameterList named(Recipient recipient) {
        var name = IcsText.oneLine(recipient.name());
        return name.isEmpty() ? new ParameterList() : new ParameterList().add(new Cn(name));
    }

    private static Status status(Invitation invitation) {
        return invitation.method() == Invitation.Method.CANCEL
                ? ImmutableStatus.VEVENT_CANCELLED
                : ImmutableStatus.VEVENT_CONFIRMED;
    }

    private static URI mailto(Recipient recipient) {
        return URI.create("mailto:" + recipient.address());
    }
}
