package org.followthrough.team;

/** What a member may do. Reps work their own prospects; managers and admins see the whole team. */
public enum Role {
    REP,
    MANAGER,
    ADMIN;

    public boolean seesWholeTeam() {
        return this != REP;
    }
}
