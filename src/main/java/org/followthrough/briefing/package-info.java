/**
 * What a rep reads about a prospect before and during a call: the timeline of everything that
 * happened with the plan ahead (open calls, emails waiting, the running cadence's next steps), and the
 * prepared script for the next call (R14, R15, R18), worded by {@code scripts} from what {@code calls}
 * and {@code touches} know.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Briefing")
package org.followthrough.briefing;
