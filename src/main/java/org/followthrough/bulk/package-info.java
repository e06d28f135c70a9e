/**
 * Bulk actions on any search of the prospects list: enrol, take out, pause, reassign to a member,
 * mark do-not-call. A preview says what will happen to how many; the action then runs in the
 * background in small transactions with its progress stored, and is recorded (who, when, what, how
 * many). A rep's search holds only their own prospects, so a rep only ever touches those.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bulk actions")
package org.followthrough.bulk;
