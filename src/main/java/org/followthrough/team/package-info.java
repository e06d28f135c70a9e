/**
 * Who uses FollowThrough: the organisation, its members (reps, managers, admins), how they sign in
 * (form, HTTP Basic, personal API tokens) and what each may see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Team")
package org.followthrough.team;
