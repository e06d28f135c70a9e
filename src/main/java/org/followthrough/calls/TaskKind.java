package org.followthrough.calls;

/**
 * Why a task is in the queue. Among tasks due now the queue works appointments first (R11), then a
 * fresh web inquiry (R7), then trigger events and missed-appointment retries, then attempts and
 * follow-ups.
 */
public enum TaskKind {
    APPOINTMENT,
    RETRY,
    INBOUND,
    TRIGGER,
    FIRST_TIME_CALL,
    FOLLOW_UP,
    POST_SALE;

    /**
     * Whether a task of this kind is still called once the prospect is nurtured, lost or won: an
     * after-sale call, a trigger event, an inbound inquiry, an agreed appointment.
     */
    boolean callsClosedProspects() {
        return this == POST_SALE || this == TRIGGER || this == INBOUND || this == APPOINTMENT;
    }

    int priority() {
        return switch (this) {
            case APPOINTMENT -> 0;
            case INBOUND -> 1;
            case RETRY, TRIGGER -> 2;
            default -> 3;
        };
    }
}
