/**
 * Webhooks out: administrators subscribe addresses to FollowThrough's events (a prospect created, an
 * appointment booked or missed, a stage changed, a signal received). Each event is written as one
 * delivery per subscriber in the transaction that raised it, then posted, signed like the webhooks
 * coming in, by a timed job that retries with exponential back-off and logs every attempt.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks out")
package org.followthrough.webhooks;
