package org.followthrough.scripts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A piece of reading from the team's library, worth sending to a prospect in a reminder's P.S. or
 * as a follow-up's new insight. Topics and industries are lower-case labels used for matching.
 */
public record Article(
        UUID id,
        String title,
        String link,
        List<String> topics,
        List<String> industries,
        UUID addedBy,
        Instant addedAt,
        Instant updatedAt) {

    public Article {
        topics = List.copyOf(topics);
        industries = List.copyOf(industries);
    }
}
