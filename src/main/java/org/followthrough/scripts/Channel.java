package org.followthrough.scripts;

/** How a template reaches the prospect: written (with a subject), spoken on voicemail, or said live. */
public enum Channel {
    EMAIL,
    VOICEMAIL,
    SCRIPT
}
