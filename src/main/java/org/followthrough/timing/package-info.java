/**
 * Timed work: actions that must happen at an exact instant (make a call task due, start the next
 * cadence step, send an email). They are stored in the database (db-scheduler), survive restarts
 * and crashes, and run once even with several instances on one PostgreSQL. Other modules schedule
 * them with {@link org.followthrough.timing.TimedActions} and perform them in a
 * {@link org.followthrough.timing.TimedActionHandler}, which must be idempotent: a crash in the
 * middle of an action means it is run again.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Timed actions")
package org.followthrough.timing;
