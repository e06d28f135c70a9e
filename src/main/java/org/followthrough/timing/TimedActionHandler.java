package org.followthrough.timing;

/**
 * Performs the timed actions of one kind. Must be idempotent: after a crash, an action that was
 * running is run again, so performing it twice must leave the same result as once.
 */
public interface TimedActionHandler {

    String kind();

    void perform(TimedAction action);
}
