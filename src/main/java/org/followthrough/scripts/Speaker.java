package org.followthrough.scripts;

/**
 * Who will say or send a text: when the text contains the rep's own name, the organisation's name
 * or the rep's number, the check counts them as mentioned. Any field may be null.
 */
public record Speaker(String fullName, String company, String phone) {

    public static final Speaker UNKNOWN = new Speaker(null, null, null);
}
