package org.followthrough.scripts;

import java.time.Instant;

/** A template as the team has it now; {@code updatedBy} is null for a shipped default. */
public record StoredTemplate(
        String key, int variant, Channel channel, String subject, String body, Instant updatedAt, String updatedBy) {

    public TemplateKey templateKey() {
        return new TemplateKey(key, variant);
    }
}
