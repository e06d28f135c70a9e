/**
 * Appointments agreed with prospects (R9–R12): booked as a connected call's next step, moved or called
 * off only while booked, held or missed when their call is logged; a time is bookable only inside the
 * prospect's legal hours, on their business day unless they asked, and clear of the rep's other
 * appointments, with concrete alternatives when it is not. Their emails and invitations are
 * {@code correspondence}'s, their call in the queue is {@code calls}' ({@link
 * org.followthrough.appointments.AppointmentCalls}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Appointments")
package org.followthrough.appointments;
