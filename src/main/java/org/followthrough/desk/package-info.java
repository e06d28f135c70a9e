/**
 * The rep's desk: the pages a rep works in all day — Today (the queue in the order to work it), the
 * call screen (script, history, playbooks, one-step outcome logging) and the prospects with their
 * details, score, timeline and plan. Pages only: what they show and do belongs to {@code calls},
 * {@code prospects}, {@code inbound} and {@code scripts}, whose public services they call.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Desk")
package org.followthrough.desk;
