package org.followthrough.appointments;

import java.time.Instant;
import java.util.List;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.Place;
import org.followthrough.calendar.Slots;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.Prospect;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Whether an appointment can be booked (R2, R9): never with a do-not-call prospect; not in the
 * past, inside the legal window, on a business day unless the prospect asked for that exact day, not
 * on top of another appointment of the same rep. A refusal of the time always comes with concrete
 * alternatives.
 */
@Component
public class AppointmentRules {

    public static final HttpStatus UNPROCESSABLE = HttpStatus.valueOf(422);

    private final CallCalendar calendar;
    private final Slots slots;
    private final Appointments appointments;

    AppointmentRules(CallCalendar calendar, Slots slots, Appointments appointments) {
        this.calendar = calendar;
        this.slots = slots;
        this.appointments = appointments;
    }

    public void check(Prospect p, Instant at, boolean prospectAgreed, Instant now) {
        check(p, at, prospectAgreed, now, null);
    }

    /** As for a booking; {@code moving} is the appointment being moved, which cannot clash with itself. */
    void check(Prospect p, Instant at, boolean prospectAgreed, Instant now, java.util.UUID moving) {
        refuseDoNotCall(p);
        var place = place(p);
        var local = calendar.local(at, place);
        String problem = null;
        if (!at.isAfter(now)) {
            problem = "The appointment time has passed.";
        } else if (!withinHours(at, place)) {
            problem = "It is " + calendar.describeSpread(at, place) + " for the prospect, outside the legal calling"
                    + " hours there (" + hoursOf(local.toLocalDate(), place) + ").";
        } else if (!prospectAgreed && !calendar.isBusinessDay(local.toLocalDate(), place)) {
            problem = local.toLocalDate() + " is a weekend or a public holiday for the prospect; book it only if they"
                    + " asked for that day (prospectAgreed: true).";
        } else if (appointments.clashing(p.ownerId(), at).stream().anyMatch(a -> !a.id().equals(moving))) {
            problem = "The owner already has an appointment within 30 minutes of that time.";
        }
        if (problem != null) {
            throw new Refusal(UNPROCESSABLE, "Appointment not possible", problem + " Pick one of the alternatives.")
                    .with("alternatives", alternatives(p, now));
        }
    }

    /**
     * A prospect flagged do-not-call is never called (R2), so no call is booked with them either: not as
     * a call's next step, not by moving an appointment.
     */
    public static void refuseDoNotCall(Prospect p) {
        if (p.doNotCall()) {
            throw new Refusal(
                    HttpStatus.CONFLICT,
                    "Do not call",
                    p.fullName() + " is flagged do-not-call, so no call can be booked with them (R2). Reach them"
                            + " by email, or clear doNotCall if they asked to be called.");
        }
    }

    /**
     * Inside the prospect's legal hours, in every zone they may be in; on a weekend or holiday they
     * asked for, inside the span of a business day's hours (R2).
     */
    private boolean withinHours(Instant at, Place place) {
        if (calendar.isLegal(at, place)) {
            return true;
        }
        return place.candidates().stream().allMatch(zone -> {
            var local = at.atZone(zone);
            return !calendar.isBusinessDay(local.toLocalDate(), place)
                    && calendar.window(place).contains(local.toLocalTime());
        });
    }

    private String hoursOf(java.time.LocalDate date, Place place) {
        var hours = calendar.hours(date, place);
        if (hours.isEmpty()) {
            hours = List.of(calendar.window(place));
        }
        return String.join(
                        ", ",
                        hours.stream().map(w -> w.from() + "–" + w.until()).toList()) + " in "
                + String.join(
                        " and ", place.candidates().stream().map(z -> z.getId()).toList());
    }

    public List<Slots.Slot> alternatives(Prospect p, Instant now) {
        return propose(p, now, 3);
    }

    public List<Slots.Slot> propose(Prospect p, Instant now, int count) {
        return slots.propose(now, place(p), count, at -> appointments
                .clashing(p.ownerId(), at)
                .isEmpty());
    }

    static Place place(Prospect p) {
        return p.place();
    }
}
