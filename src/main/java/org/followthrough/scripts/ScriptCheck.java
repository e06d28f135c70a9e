package org.followthrough.scripts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The script check (R16): blunder openers, yes/no questions among prepared questions, voicemails
 * that run past 30 spoken seconds or lack a name, company, reason or call-back number, and openers
 * without a name or company. The rules are data ({@code scripts/check-rules.yaml}); texts may be
 * plain or templates, where a placeholder such as {@code {{rep.phone}}} counts as a mention.
 */
@Component
public class ScriptCheck {

    /** What kind of text is checked; each kind has its own rules. */
    public enum Kind {
        OPENER,
        VOICEMAIL,
        EMAIL,
        QUESTIONS
    }

    static final Pattern TAG = Pattern.compile("\\{\\{\\{?\\s*([#/^&>!]?)\\s*([^}\\s]+)\\s*}?}}");

    private final CheckRules rules;
    private final List<CompiledBlunder> blunders;
    private final YesNoQuestions questions;
    private final SpokenLength length;
    private final Map<String, List<Pattern>> mentionPatterns = new java.util.HashMap<>();

    public ScriptCheck() {
        this(CheckRules.load());
    }

    ScriptCheck(CheckRules rules) {
        this.rules = rules;
        this.blunders = rules.blunders().stream()
                .map(b -> new CompiledBlunder(b, b.compiled()))
                .toList();
        this.questions = new YesNoQuestions(rules.yesNo());
        this.length = new SpokenLength(rules);
        for (var mention : rules.mentions()) {
            var patterns = mention.patterns() == null ? List.<String>of() : mention.patterns();
            mentionPatterns.put(
                    mention.id(), patterns.stream().map(Pattern::compile).toList());
        }
    }

    public List<Finding> check(Kind kind, String text) {
        return check(kind, text, Speaker.UNKNOWN);
    }

    public List<Finding> check(Kind kind, String text, Speaker speaker) {
        var findings = new ArrayList<Finding>();
        if (text == null || text.isBlank()) {
            return findings;
        }
        for (var blunder : blunders) {
            blunder.find(text).ifPresent(findings::add);
        }
        if (kind == Kind.QUESTIONS) {
            findings.addAll(questions.check(text));
        }
        if (kind == Kind.VOICEMAIL) {
            length.check(text).ifPresent(findings::add);
        }
        for (var mention : rules.mentions()) {
            if (mention.kinds().contains(kind) && !mentioned(mention, text, speaker)) {
                findings.add(new Finding(mention.id(), mention.reason(), opening(text), mention.suggestion()));
            }
        }
        return findings;
    }

    /** How many seconds a text takes to say, at the rules' words a minute. */
    public int spokenSeconds(String text) {
        return length.seconds(text);
    }

    int spokenWords(String text) {
        return length.words(text);
    }

    private boolean mentioned(CheckRules.Mention mention, String text, Speaker speaker) {
        var used = placeholdersIn(text);
        if (mention.placeholders() != null && mention.placeholders().stream().anyMatch(used::contains)) {
            return true;
        }
        if (speakerSays(mention.speaker(), text, speaker)) {
            return true;
        }
        var plain = TAG.matcher(text).replaceAll(" ");
        return mention.patterns() != null
                && mention.patterns().stream()
                        .anyMatch(p -> Pattern.compile(p).matcher(plain).find());
    }

    private static boolean speakerSays(String what, String text, Speaker speaker) {
        if (what == null || speaker == null) {
            return false;
        }
        var lower = text.toLowerCase(Locale.ROOT);
        return switch (what) {
            case "fullName" -> contains(lower, speaker.fullName());
            case "company" -> contains(lower, speaker.company());
            case "phone" -> {
                var digits = speaker.phone() == null ? "" : speaker.phone().replaceAll("\\D", "");
                yield digits.length() >= 7
                        && text.replaceAll("\\D", "").contains(digits.substring(digits.length() - 7));
            }
            default -> false;
        };
    }

    private static boolean contains(String lowerText, String value) {
        return value != null
                && !value.isBlank()
                && lowerText.contains(value.toLowerCase(Locale.ROOT).strip());
    }

    static Set<String> placeholdersIn(String text) {
        var names = TAG.matcher(text).results().map(r -> r.group(2)).collect(Collectors.toSet());
        return names;
    }

    /** The start of a text, for findings about something the whole text lacks. */
    static String opening(String text) {
        var t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= 80 ? t : t.substring(0, 79) + "…";
    }

    /** The sentence around a match, so the rep sees the words in context. */
    static String sentenceAround(String text, Matcher match) {
        int start = match.start();
        while (start > 0 && ".!?\n".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        int end = match.end();
        while (end < text.length() && ".!?\n".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        if (end < text.length() && text.charAt(end) != '\n') {
            end++;
        }
        var sentence = text.substring(start, end).strip();
        return sentence.length() <= 160 ? sentence : match.group().strip();
    }

    private record CompiledBlunder(CheckRules.Blunder rule, List<Pattern> patterns) {
        java.util.Optional<Finding> find(String text) {
            for (var pattern : patterns) {
                var m = pattern.matcher(text);
                if (m.find()) {
                    return java.util.Optional.of(
                            new Finding(rule.id(), rule.reason(), sentenceAround(text, m), rule.suggestion()));
                }
            }
            return java.util.Optional.empty();
        }
    }
}
