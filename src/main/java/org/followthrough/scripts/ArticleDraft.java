package org.followthrough.scripts;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.followthrough.common.InvalidInput;

/**
 * An article as someone adds or changes it; {@link #checked()} names every problem at once. {@code
 * generic} marks reading that suits any prospect; left out, a new article is not generic and a
 * changed one keeps what it was.
 */
public record ArticleDraft(String title, String link, List<String> topics, List<String> industries, Boolean generic) {

    public ArticleDraft(String title, String link, List<String> topics, List<String> industries) {
        this(title, link, topics, industries, null);
    }

    /** The draft cleaned up: trimmed text, labels lower-cased without repeats. */
    public ArticleDraft checked() {
        var problems = new InvalidInput.Collector();
        if (title == null || title.isBlank()) {
            problems.add("title", "is required: the headline the prospect will see");
        } else if (title.strip().length() > 300) {
            problems.add("title", "must have at most 300 characters");
        }
        if (link == null || link.isBlank()) {
            problems.add("link", "is required: an http or https address such as https://example.com/article");
        } else if (!isWebAddress(link.strip()) || link.length() > 2000) {
            problems.add(
                    "link",
                    "'" + link + "' is not an http or https address; give the full address, such as "
                            + "https://example.com/article");
        }
        var cleanTopics = labels("topics", topics, problems);
        var cleanIndustries = labels("industries", industries, problems);
        problems.throwIfAny();
        return new ArticleDraft(title.strip(), link.strip(), cleanTopics, cleanIndustries, generic);
    }

    private static List<String> labels(String field, List<String> values, InvalidInput.Collector problems) {
        var clean = new LinkedHashSet<String>();
        if (values == null) {
            return List.of();
        }
        for (var value : values) {
            if (value == null || value.isBlank()) {
                problems.add(field, "must not contain empty labels");
            } else if (value.strip().length() > 60 || value.contains("\n")) {
                problems.add(field, "labels are single lines of at most 60 characters, such as \"contract renewal\"");
            } else {
                clean.add(value.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (clean.size() > 20) {
            problems.add(field, "may have at most 20 labels");
        }
        return new ArrayList<>(clean);
    }

    private static boolean isWebAddress(String text) {
        try {
            var uri = URI.create(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
