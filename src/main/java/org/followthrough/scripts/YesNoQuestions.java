package org.followthrough.scripts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the questions in a prepared list that can be answered yes or no, and offers an open-ended
 * rewrite where one of the rules' patterns fits (seed: "Do you think X is a major challenge…?"
 * becomes "How do you and your organisation feel about X?").
 */
final class YesNoQuestions {

    private static final Pattern QUESTION = Pattern.compile("[^.!?\\n]*\\?");
    private static final Pattern LEAD = Pattern.compile(
            "^(?:[-*•>]|\\d+[.)]|so,?|and,?|but,?|also,?|now,?|ok(?:ay)?,?)\\s+", Pattern.CASE_INSENSITIVE);

    private final CheckRules.YesNo rule;
    private final Set<String> starters;
    private final List<Rewrite> rewrites;

    YesNoQuestions(CheckRules.YesNo rule) {
        this.rule = rule;
        this.starters = Set.copyOf(
                rule.starters().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
        this.rewrites = rule.rewrites().stream()
                .map(r -> new Rewrite(Pattern.compile(r.pattern(), Pattern.CASE_INSENSITIVE), r.rewrite()))
                .toList();
    }

    List<Finding> check(String text) {
        var findings = new ArrayList<Finding>();
        var questions = QUESTION.matcher(text);
        while (questions.find()) {
            var question = withoutLead(questions.group().strip());
            var body = question.substring(0, question.length() - 1).strip();
            var firstWord = body.split("[\\s,]+", 2)[0].toLowerCase(Locale.ROOT).replace('’', '\'');
            if (starters.contains(firstWord)) {
                findings.add(new Finding(rule.id(), rule.reason(), question, suggestionFor(body)));
            }
        }
        return findings;
    }

    private String suggestionFor(String body) {
        for (var rewrite : rewrites) {
            var m = rewrite.pattern().matcher(body);
            if (m.matches()) {
                return "Ask instead: \"" + m.replaceFirst(rewrite.replacement()) + "\"";
            }
        }
        return rule.suggestion();
    }

    private static String withoutLead(String question) {
        var q = question;
        for (var m = LEAD.matcher(q); m.find(); m = LEAD.matcher(q)) {
            q = q.substring(m.end());
        }
        return q;
    }

    private record Rewrite(Pattern pattern, String replacement) {}
}
