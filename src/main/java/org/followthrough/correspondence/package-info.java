/**
 * The emails the engine writes to prospects, worded from the team's templates (with a safe default
 * wording when a template cannot be filled in): the thank-you and reminder around an appointment with
 * its calendar invitation, a new time or a cancellation (R10), each cadence step's email (R6, R8),
 * nurture emails with a new article (R14, R20), post-sale check-ins (R24) and the summary after a
 * connected call. Each is written to the outbox in the transaction of the event that asks for it
 * ({@code calls}' {@code AppointmentBooked}, {@code CadenceEmailPlanned}, {@code CallLogged} ...),
 * so it is planned with the change or not at all.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Correspondence")
package org.followthrough.correspondence;
