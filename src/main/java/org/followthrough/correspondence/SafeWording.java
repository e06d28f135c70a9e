package org.followthrough.correspondence;

import org.followthrough.prospects.Prospect;
import org.followthrough.scripts.Article;
import org.followthrough.scripts.Rendered;

/**
 * The default wording of every engine email, used only when the team's template cannot be filled in.
 * It needs nothing that can be missing: the prospect's first name, the rep's and our name, and the
 * appointment time, which the engine always has.
 */
final class SafeWording {

    private SafeWording() {}

    static Rendered step(Prospect p, String rep, String organisation) {
        return new Rendered(
                "Following up, " + p.firstName(),
                "Hi " + p.firstName() + ",\n\nI tried to reach you by phone today. I'd like ten minutes to learn how "
                        + company(p) + " handles this today and whether we can help. When would suit you?\n"
                        + signature(rep, organisation));
    }

    /** A nurture email with the article as its new insight, or, without one, a reason to talk again. */
    static Rendered nurture(Prospect p, Article article, String rep, String organisation) {
        if (article == null) {
            return new Rendered(
                    "An idea for " + company(p),
                    "Hi " + p.firstName() + ",\n\nIt's been a while since we spoke. If a new project or a new priority"
                            + " has come up" + (hasCompany(p) ? " at " + p.company() : "")
                            + ", I'd be glad to hear about it and share what has"
                            + " worked for teams in the same spot.\n" + signature(rep, organisation));
        }
        return new Rendered(
                "Worth a read: " + article.title(),
                "Hi " + p.firstName() + ",\n\nI came across this and thought of " + company(p) + ": \""
                        + article.title() + "\"\n" + article.link() + "\n\nNo reply needed; if the timing is better"
                        + " now, I'd be glad to talk.\n" + signature(rep, organisation));
    }

    static Rendered thankYou(Prospect p, String when, String agenda, String rep, String organisation) {
        return new Rendered(
                "Thank you, " + p.firstName(),
                "Hi " + p.firstName() + ",\n\nThank you for taking the time to speak with me today. I look forward to"
                        + " speaking with you further on " + when + ".\n" + agendaLine(agenda)
                        + signature(rep, organisation));
    }

    static Rendered reminder(
            Prospect p, String monthDay, String when, String agenda, Article article, String rep, String organisation) {
        return new Rendered(
                "Telephone appointment for " + monthDay + (article == null ? "" : " and article of interest"),
                "Hi " + p.firstName() + ",\n\nA short reminder of our telephone appointment on " + when
                        + ". The call should only take 10 minutes: "
                        + (agenda == null || agenda.isBlank() ? "we'll go over where you stand" : agenda.strip())
                        + ", then we'll determine the next steps, if any.\n" + signature(rep, organisation)
                        + (article == null
                                ? ""
                                : "\nP.S. In the meantime, here's an article I thought you might enjoy: \""
                                        + article.title() + "\" " + article.link() + "\n"));
    }

    static Rendered summary(
            Prospect p,
            java.util.List<String> pains,
            java.util.List<String> gains,
            java.util.List<String> promises,
            String when,
            String rep,
            String organisation) {
        return new Rendered(
                "Our call today: key points and next steps",
                "Hi " + p.firstName() + ",\n\nThank you for your time today. Here is what we discussed.\n"
                        + points("What you would like to solve:", pains)
                        + points("What you would like to gain:", gains)
                        + points("The next steps we agreed on:", promises)
                        + (when == null ? "" : "\nI look forward to our next call on " + when + ".\n")
                        + signature(rep, organisation));
    }

    private static String points(String heading, java.util.List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        var text = new StringBuilder("\n").append(heading).append('\n');
        items.forEach(item -> text.append("- ").append(item).append('\n'));
        return text.toString();
    }

    static Rendered moved(Prospect p, String day, String when, String rep, String organisation) {
        return new Rendered(
                "New time for our call: " + day,
                "Hi " + p.firstName() + ",\n\nOur telephone appointment is now on " + when
                        + ". The calendar entry has been updated.\n" + signature(rep, organisation));
    }

    static Rendered cancelled(Prospect p, String day, String rep, String organisation) {
        return new Rendered(
                "Cancelled: our call on " + day,
                "Hi " + p.firstName() + ",\n\nOur call on " + day + " is cancelled; the calendar entry is removed.\n"
                        + signature(rep, organisation));
    }

    private static String agendaLine(String agenda) {
        return agenda == null || agenda.isBlank() ? "" : "\nAgenda: " + agenda.strip() + "\n";
    }

    private static String signature(String rep, String organisation) {
        return "\nBest regards,\n" + rep + "\n" + organisation;
    }

    private static boolean hasCompany(Prospect p) {
        return p.company() != null && !p.company().isBlank();
    }

    private static String company(Prospect p) {
        return p.company() == null || p.company().isBlank() ? "your team" : p.company();
    }
}
