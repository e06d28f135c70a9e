package org.followthrough.webhooks;

/**
 * Where a delivery to a subscriber stands: {@link #PENDING} until due, {@link #SENDING} while a round
 * holds it, then {@link #DELIVERED}, or back to PENDING for its next attempt, or {@link #FAILED} when
 * the attempts ran out. A replay puts any delivery not on its way back to PENDING.
 */
public enum DeliveryStatus {
    PENDING,
    SENDING,
    DELIVERED,
    FAILED
}
