package org.followthrough.scripts;

/**
 * One thing the script check noticed: which rule, why it matters ({@code message}), the words it is
 * about, and what to say instead.
 */
public record Finding(String rule, String message, String excerpt, String suggestion) {}
