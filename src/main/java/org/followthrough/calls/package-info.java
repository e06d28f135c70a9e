/**
 * The follow-up engine's working end: enrolments that carry each prospect through a cadence, the
 * tasks in every rep's queue, calls logged with their FTC / follow-up labels (R5) and the specific next
 * step a connected call needs (R9), the calls that keep appointments (R11), the missed-appointment
 * protocol (R12), persistence checks (R13), the timeline of every prospect, the script for each next
 * call (R14, R15, R18), and the engine's emails worded from the team's templates. Appointments
 * themselves are {@code appointments}', the record of every touch {@code touches}'.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calls")
package org.followthrough.calls;
