package org.followthrough.team;

/** What an admin gives to add someone to the team. Checked by {@link Team#register}. */
public record NewMember(String email, String fullName, Role role, String password, String phone, String timeZone) {}
