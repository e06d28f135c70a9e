package org.followthrough.scripts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.followthrough.common.Nullable;

/**
 * A piece of reading from the team's library, worth sending to a prospect in a reminder's P.S. or
 * as a follow-up's new insight. Topics and industries are lower-case labels used for matching; a
 * generic article may go to anyone.
 */
public record Article(
        UUID id,
        String title,
        String link,
        List<String> topics,
        List<String> industries,
        @Nullable UUID addedBy,
        Instant addedAt,
        Instant updatedAt,
        boolean generic) {

    public Article {
        topics = List.copyOf(topics);
        industries = List.copyOf(industries);
    }

    /** An article for the industries and topics it names only. */
    public Article(
            UUID id,
            String title,
            String link,
            List<String> topics,
            List<String> industries,
            @Nullable UUID addedBy,
            Instant addedAt,
            Instant updatedAt) {
        this(id, title, link, topics, industries, addedBy, addedAt, updatedAt, false);
    }
}
