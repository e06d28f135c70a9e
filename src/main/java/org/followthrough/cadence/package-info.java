/**
 * Cadences as data — named plans of calls, emails and voicemails with timing rules — and the planner
 * that turns a cadence, a prospect's place and what has happened into the next step at an exact
 * instant. Preview and live scheduling call the same {@link org.followthrough.cadence.Planner#next}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cadences")
package org.followthrough.cadence;
