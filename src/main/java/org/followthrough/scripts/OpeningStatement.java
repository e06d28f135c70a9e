package org.followthrough.scripts;

/**
 * The words a call opens with (R15). A first call: full name, company, why we call (the pain or
 * gain if one is known), then the agenda and "then we'll determine the next steps, if any. How
 * does that sound?". A follow-up reheats the prospect in the first seconds: "Last we spoke, we
 * discussed …, and …. I also had another idea that might be of interest to you. Is now still a
 * good time?"
 */
final class OpeningStatement {

    private OpeningStatement() {}

    static String firstCall(ScriptContext ctx) {
        return greeting(ctx) + " " + reason(ctx);
    }

    static String followUp(ScriptContext ctx) {
        var discussed = !ctx.pains().isEmpty() ? ctx.pains() : ctx.gains();
        var text = new StringBuilder(greeting(ctx)).append(' ');
        if (!discussed.isEmpty()) {
            text.append("Last we spoke, we discussed ")
                    .append(Sentences.join(
                            discussed.stream().map(Sentences::phrase).toList()));
            if (!ctx.promises().isEmpty()) {
                text.append(", and ")
                        .append(Sentences.join(
                                ctx.promises().stream().map(Sentences::phrase).toList()));
            }
            text.append(". ");
        }
        return text.append("I also had another idea that might be of interest to you. Is now still a good time?")
                .toString();
    }

    /** The agenda and its closing question; said right after "Is now still a good time?" on a follow-up. */
    static String agendaProposal(ScriptContext ctx) {
        var agenda = ctx.agenda() == null || ctx.agenda().isBlank()
                ? (ctx.firstCall()
                        ? "first, I'd like to understand how you handle this today, and second, I'll share how we have"
                                + " helped teams like yours"
                        : "first, we review where things stand since we spoke, and second, I'll share the idea I mentioned")
                : Sentences.phrase(ctx.agenda());
        return "What I'd like to recommend is this: " + lowerFirst(agenda)
                + ". Then we'll determine the next steps, if any. How does that sound?";
    }

    static String nextStep(ScriptContext ctx) {
        return "Before you hang up, agree on a specific date and time for the next call and what it will cover:"
                + " \"What I'd like to recommend is that we set up <day>, at <time>, to "
                + (ctx.firstCall() ? "look at this in more detail" : "review it together")
                + " and determine the next steps, if any. How does that sound?\"";
    }

    private static String greeting(ScriptContext ctx) {
        return "Hi " + ctx.prospect().spokenName() + ", this is " + ctx.rep().fullName() + " from " + ctx.organisation()
                + ".";
    }

    private static String reason(ScriptContext ctx) {
        if (!ctx.pains().isEmpty()) {
            return "When we spoke, you mentioned "
                    + Sentences.join(ctx.pains().stream().map(Sentences::phrase).toList()) + ".";
        }
        if (!ctx.gains().isEmpty()) {
            return "You mentioned you'd like "
                    + Sentences.join(ctx.gains().stream().map(Sentences::phrase).toList()) + ".";
        }
        if (ctx.reason() != null && !ctx.reason().isBlank()) {
            return Sentences.phrase(ctx.reason()) + ".";
        }
        var company =
                ctx.prospect().company() == null ? "your team" : ctx.prospect().company();
        return "The reason for my call is to understand what matters most to " + company + " right now, and whether "
                + ctx.organisation() + " can help.";
    }

    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }
}
