package org.followthrough.scripts;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How long a voicemail takes to say: words at the rules' pace, a placeholder as the words it
 * stands for, a phone number digit by digit. Past the limit the check says where to cut.
 */
final class SpokenLength {

    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{5,}\\d");

    private final CheckRules rules;

    SpokenLength(CheckRules rules) {
        this.rules = rules;
    }

    int seconds(String text) {
        return (int) Math.ceil(words(text) * 60.0 / rules.wordsPerMinute());
    }

    int words(String text) {
        var words = 0;
        var tags = ScriptCheck.TAG.matcher(text);
        var plain = new StringBuilder();
        while (tags.find()) {
            if (tags.group(1).isEmpty() || tags.group(1).equals("&")) {
                words += rules.placeholderWords().getOrDefault(tags.group(2), rules.defaultPlaceholderWords());
            }
            tags.appendReplacement(plain, " ");
        }
        tags.appendTail(plain);
        var numbers = PHONE.matcher(plain.toString());
        var rest = new StringBuilder();
        while (numbers.find()) {
            words += (int) numbers.group().chars().filter(Character::isDigit).count();
            numbers.appendReplacement(rest, " ");
        }
        numbers.appendTail(rest);
        for (var token : rest.toString().split("[\\s/]+")) {
            if (token.chars().anyMatch(Character::isLetterOrDigit)) {
                words++;
            }
        }
        return words;
    }

    Optional<Finding> check(String text) {
        int seconds = seconds(text);
        if (seconds <= rules.maxVoicemailSeconds()) {
            return Optional.empty();
        }
        int maxWords = rules.maxVoicemailSeconds() * rules.wordsPerMinute() / 60;
        var rule = rules.voicemailLength();
        var values = Map.of(
                "{wpm}", String.valueOf(rules.wordsPerMinute()),
                "{seconds}", String.valueOf(seconds),
                "{maxWords}", String.valueOf(maxWords));
        return Optional.of(new Finding(
                rule.id(), fill(rule.reason(), values), pastWord(text, maxWords), fill(rule.suggestion(), values)));
    }

    private static String fill(String text, Map<String, String> values) {
        var result = text;
        for (var e : values.entrySet()) {
            result = result.replace(e.getKey(), e.getValue());
        }
        return result;
    }

    /** Where the words past the limit begin. */
    private static String pastWord(String text, int words) {
        var m = Pattern.compile("\\S+").matcher(text);
        int n = 0;
        while (m.find()) {
            if (++n > words) {
                return "…" + ScriptCheck.opening(text.substring(m.start()));
            }
        }
        return ScriptCheck.opening(text);
    }
}
