/**
 * The follow-up engine's working end: enrolments that carry each prospect through a cadence, the
 * tasks in every rep's queue, calls logged with their FTC / follow-up labels (R5) and the specific next
 * step a connected call needs (R9), the calls that keep appointments (R11), the missed-appointment
 * protocol (R12), persistence checks (R13), and the engine's emails worded from the team's templates.
 * Appointments themselves are {@code appointments}', the record of every touch {@code touches}', and
 * what a rep reads about a prospect (the timeline, the plan ahead, the script) {@code briefing}'s.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calls")
package org.followthrough.calls;
