package org.followthrough.scripts;

/** A template with every placeholder filled in; {@code subject} is null for spoken texts. */
public record Rendered(String subject, String body) {}
