package org.followthrough.scripts;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which library article fits a prospect (R10, R14). An article may go to a prospect of one of its
 * industries, to one who talked about one of its topics, or to anyone if it is marked generic — and
 * never twice; otherwise there is none, rather than something unrelated. A label matches when each
 * of its words (ignoring case, small words such as "the" or "of", and plural endings) is among the
 * words of the prospect's pains and gains, or of their industry: "contract renewal" matches "the
 * automatic renewal of your training contract". Articles on what the prospect talked about come
 * first (seed 002: "better yet, something … discussed in your initial call"), then those for their
 * industry, then generic ones; among equals, the newest.
 */
final class ArticleChoice {

    private static final Set<String> SMALL_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "from", "with",
            "into", "onto", "over", "under", "about", "as", "than", "then", "so", "too", "very", "not", "no", "is",
            "are", "was", "were", "be", "been", "being", "am", "it", "its", "this", "that", "these", "those", "we",
            "our", "us", "you", "your", "they", "their", "them", "he", "she", "his", "her", "i", "me", "my", "do",
            "does", "did", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must",
            "more", "most", "less", "much", "many", "some", "any", "all", "each", "every", "just", "also", "only",
            "what", "which", "who", "how", "when", "why", "where", "there", "here", "get", "got", "lot", "lots");

    private ArticleChoice() {}

    static Optional<Article> best(
            List<Article> library, String industry, Collection<String> topics, Collection<UUID> alreadySent) {
        return ranked(library, industry, topics, alreadySent).stream().findFirst();
    }

    /** Every article that fits and was not sent, best first. */
    static List<Article> ranked(
            List<Article> library, String industry, Collection<String> topics, Collection<UUID> alreadySent) {
        var sent = alreadySent == null ? Set.<UUID>of() : new HashSet<>(alreadySent);
        var talkedAbout = words(topics);
        var trade = words(industry == null ? List.of() : List.of(industry));
        Comparator<Fit> best = Comparator.<Fit>comparingInt(f -> f.onTopics() > 0 ? 0 : 1)
                .thenComparing(f -> -f.onTopics())
                .thenComparing(f -> f.forIndustry() ? 0 : 1)
                .thenComparing(f -> f.article().addedAt(), Comparator.reverseOrder())
                .thenComparing(f -> f.article().id());
        return library.stream()
                .filter(a -> !sent.contains(a.id()))
                .map(a -> new Fit(a, matching(a.topics(), talkedAbout), matching(a.industries(), trade) > 0))
                .filter(f -> f.onTopics() > 0 || f.forIndustry() || f.article().generic())
                .sorted(best)
                .map(Fit::article)
                .toList();
    }

    private record Fit(Article article, int onTopics, boolean forIndustry) {}

    /** How many of the labels match the words. */
    static int matching(Collection<String> labels, Set<String> words) {
        int n = 0;
        for (var label : labels) {
            var needed = words(List.of(label));
            if (!needed.isEmpty() && words.containsAll(needed)) {
                n++;
            }
        }
        return n;
    }

    /** The words of some texts that carry meaning, lower-cased and in their singular. */
    static Set<String> words(Collection<String> texts) {
        if (texts == null) {
            return Set.of();
        }
        return texts.stream()
                .filter(t -> t != null && !t.isBlank())
                .flatMap(t -> java.util.Arrays.stream(t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")))
                .filter(w -> !w.isEmpty() && !SMALL_WORDS.contains(w))
                .map(ArticleChoice::singular)
                .collect(Collectors.toSet());
    }

    /** Harman's S-stemmer: "deliveries" → "delivery", "renewals" → "renewal", "business" stays. */
    private static String singular(String word) {
        if (word.length() <= 3) {
            return word;
        }
        if (word.endsWith("ies") && !word.endsWith("eies") && !word.endsWith("aies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("es") && !word.endsWith("aes") && !word.endsWith("ees") && !word.endsWith("oes")) {
            return word.substring(0, word.length() - 1);
        }
        if (word.endsWith("s") && !word.endsWith("us") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
