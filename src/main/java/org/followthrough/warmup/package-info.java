/**
 * Warming up after a start: once FollowThrough is ready, the parts the first inquiry needs that load
 * their data on first use (phone number metadata, time zones and places of phone areas, the
 * checks a new person goes through, public holidays, the cadence planner, a webhook's signature, the id
 * generator, the queue's read) are exercised on a background thread, so the first inquiry reaches
 * the owner's queue about as fast as the hundredth. Nothing is stored.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Warm-up")
package org.followthrough.warmup;
