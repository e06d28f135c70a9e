package org.followthrough.scripts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The script check's rules as data, read from {@code scripts/check-rules.yaml}. */
record CheckRules(
        int wordsPerMinute,
        int maxVoicemailSeconds,
        Map<String, Integer> placeholderWords,
        int defaultPlaceholderWords,
        Described voicemailLength,
        List<Blunder> blunders,
        YesNo yesNo,
        List<Mention> mentions) {

    record Described(String id, String reason, String suggestion) {}

    record Blunder(String id, List<String> patterns, String reason, String suggestion) {
        List<Pattern> compiled() {
            return patterns.stream()
                    .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                    .toList();
        }
    }

    record Rewrite(String pattern, String rewrite) {}

    record YesNo(String id, List<String> starters, String reason, String suggestion, List<Rewrite> rewrites) {}

    record Mention(
            String id,
            List<ScriptCheck.Kind> kinds,
            String speaker,
            List<String> placeholders,
            List<String> patterns,
            String reason,
            String suggestion) {}

    static CheckRules load() {
        try (InputStream in = CheckRules.class.getResourceAsStream("/scripts/check-rules.yaml")) {
            return YAMLMapper.builder().build().readValue(in, CheckRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the script-check rules could not be read", e);
        }
    }
}
