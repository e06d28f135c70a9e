/**
 * The follow-up engine's working end: enrolments that carry each prospect through a cadence, the
 * tasks in every rep's queue, calls logged with their FTC / follow-up labels (R5), the specific next
 * step a connected call needs (R9), appointments with their emails and invitations (R10, R11), the
 * missed-appointment protocol (R12), persistence checks (R13), the timeline of every prospect, the
 * script for each next call (R14, R15, R18), the engine's emails worded from the team's templates, and
 * email replies that stop a cadence's automatic emails (R21).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calls")
package org.followthrough.calls;
