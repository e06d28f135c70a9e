package org.followthrough.calls;

/** Why a task is in the queue; the order here is the order of the queue among tasks due now (R11). */
public enum TaskKind {
    APPOINTMENT,
    RETRY,
    INBOUND,
    TRIGGER,
    FIRST_TIME_CALL,
    FOLLOW_UP,
    POST_SALE;

    int priority() {
        return switch (this) {
            case APPOINTMENT -> 0;
            case RETRY, INBOUND, TRIGGER -> 1;
            default -> 2;
        };
    }
}
