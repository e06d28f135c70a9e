package org.followthrough.scripts;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import org.followthrough.prospects.DecisionRole;

/**
 * Everything the script for one call is prepared from. {@code attempt} is FTC #n's n for a first
 * call (which picks its voicemail variant). {@code voicemail} is the voicemail template the call's
 * task names for a follow-up (M1 at an appointment, M2, M3 and M4 after it was missed); when null,
 * a follow-up leaves the general follow-up voicemail. {@code spokenWith} holds the decision roles of
 * everyone on the account the rep has spoken with. {@code appointment} (in the prospect's time
 * zone, only for a call that belongs to that appointment), {@code reason} (why we call, for a first
 * call), {@code article} and {@code voicemail} may be null.
 */
public record ScriptContext(
        Rep rep,
        String organisation,
        Prospect prospect,
        String callLabel,
        int attempt,
        boolean firstCall,
        List<String> pains,
        List<String> gains,
        List<String> promises,
        String agenda,
        List<DecisionRole> spokenWith,
        ZonedDateTime appointment,
        String reason,
        Article article,
        TemplateKey voicemail) {

    public record Rep(String fullName, String phone, String email) {
        public Rep {
            Objects.requireNonNull(fullName, "rep.fullName");
        }
    }

    public record Prospect(String fullName, String firstName, String company, String title, DecisionRole decisionRole) {
        public Prospect {
            Objects.requireNonNull(fullName, "prospect.fullName");
            decisionRole = decisionRole == null ? DecisionRole.UNKNOWN : decisionRole;
        }

        public String spokenName() {
            return firstName == null || firstName.isBlank() ? Sentences.firstName(fullName) : firstName;
        }
    }

    public ScriptContext {
        Objects.requireNonNull(rep, "rep");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(prospect, "prospect");
        attempt = Math.max(attempt, 1);
        pains = clean(pains);
        gains = clean(gains);
        promises = clean(promises);
        spokenWith = spokenWith == null ? List.of() : List.copyOf(spokenWith);
    }

    /** The context without the optional parts: no appointment, reason, article or named voicemail. */
    public ScriptContext(
            Rep rep,
            String organisation,
            Prospect prospect,
            String callLabel,
            int attempt,
            boolean firstCall,
            List<String> pains,
            List<String> gains,
            List<String> promises,
            String agenda,
            List<DecisionRole> spokenWith) {
        this(
                rep,
                organisation,
                prospect,
                callLabel,
                attempt,
                firstCall,
                pains,
                gains,
                promises,
                agenda,
                spokenWith,
                null,
                null,
                null,
                null);
    }

    private static List<String> clean(List<String> items) {
        return items == null
                ? List.of()
                : items.stream()
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::strip)
                        .toList();
    }

    MessageValues values() {
        return MessageValues.builder()
                .prospect(prospect.fullName(), prospect.spokenName(), prospect.company(), prospect.title())
                .rep(rep.fullName(), rep.phone(), rep.email())
                .company(organisation)
                .lastConversation(pains, gains, promises)
                .appointment(appointment)
                .agenda(agenda)
                .article(article);
    }
}
