/**
 * The team's numbers (R19), read from what the engine records: follow-ups to close, reach rate by
 * attempt, prospects given up on early, punctuality of appointment calls, connect rates by the
 * prospect's local weekday and hour, objections by category, leads with no next step, and the best
 * times to call learned from the team's own calls, starting from R4's priors.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package org.followthrough.analytics;
