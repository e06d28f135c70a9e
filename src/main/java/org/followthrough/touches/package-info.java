/**
 * Every touch with a prospect, as it happened: each call logged with its outcome, label, what was said
 * and how it closed the prospect, each email the rep or the prospect wrote, and the notes; the count
 * of attempts that numbers calls FTC #n / Follow-up #n (R5) and persistence (R13), and the team's
 * figures read from them (R19). Logging a call (the rules it keeps, the next step it leads to) is
 * {@code calls}'.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Touches")
package org.followthrough.touches;
