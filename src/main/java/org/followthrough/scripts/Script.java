package org.followthrough.scripts;

import java.util.List;
import org.followthrough.common.Nullable;

/**
 * The prepared script for one call. {@code opening} is said first (R15); {@code agenda} is the
 * agenda proposal ending in "How does that sound?" (for a first call it already closes the
 * opening); {@code voicemail} is null when it could not be filled in, with the reason among the
 * {@code warnings}; {@code insight} is the article to offer, if any (R14).
 */
public record Script(
        String label,
        String opening,
        String agenda,
        List<Question> questions,
        @Nullable Voicemail voicemail,
        String nextStep,
        List<ObjectionPlaybook> playbooks,
        List<String> warnings,
        @Nullable LastConversation lastConversation,
        @Nullable Article insight) {

    /** An open-ended question and what it qualifies. */
    public record Question(String topic, String text) {}

    /** The voicemail for this attempt, from the template variant named. */
    public record Voicemail(String template, String text, int seconds) {}

    /** What the last conversation left: its pains, gains and what was to happen since. */
    public record LastConversation(List<String> pains, List<String> gains, List<String> promises) {}
}
