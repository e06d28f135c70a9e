/**
 * Time and place for calls (R1–R4), in plain Java: each prospect's local time, the legal calling
 * window per country, business days that skip weekends and public holidays, the best-time windows
 * as a scored preference, and concrete appointment slots.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package org.followthrough.calendar;
