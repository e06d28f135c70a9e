package org.followthrough.messaging;

import java.net.URI;
import java.time.Instant;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;

/** Writes appointment invitations as iCalendar (RFC 5545) text with the prospect's time zone. */
@Component
public class Invitations {

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** The invitation as an iCalendar object; {@code stamp} is when it was issued. */
    public String ics(Invitation invitation, Instant stamp) {
        var start = invitation.start();
        var event = new VEvent(start, start.plus(invitation.duration()), invitation.summary())
                .<VEvent>add(new Uid(invitation.uid()))
                .<VEvent>replace(new DtStamp(stamp))
                .<VEvent>add(new Sequence(invitation.sequence()))
                .<VEvent>add(new Description(invitation.description()))
                .<VEvent>add(status(invitation))
                .<VEvent>add(new Organizer(
                        new ParameterList().add(new Cn(invitation.organizer().name())), mailto(invitation.organizer())))
                .<VEvent>add(new Attendee(
                        new ParameterList()
                                .add(new Cn(invitation.attendee().name()))
                                .add(Role.REQ_PARTICIPANT)
                                .add(PartStat.NEEDS_ACTION)
                                .add(Rsvp.TRUE),
                        mailto(invitation.attendee())));
        var calendar = new Calendar()
                .<Calendar>add(new ProdId("-//FollowThrough//Appointments//EN"))
                .<Calendar>add(ImmutableVersion.VERSION_2_0)
                .<Calendar>add(ImmutableCalScale.GREGORIAN)
                .<Calendar>add(
                        invitation.method() == Invitation.Method.CANCEL
                                ? ImmutableMethod.CANCEL
                                : ImmutableMethod.REQUEST);
        calendar.add(zones.getTimeZone(start.getZone().getId()).getVTimeZone());
        calendar.add(event);
        return calendar.toString();
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
