package org.followthrough.scripts;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.followthrough.prospects.DecisionRole;

/** Values and contexts the script tests share: Debbie at Acme Learning, called by Michael Powers of ABC Educom. */
final class Fixtures {

    static final ZonedDateTime APPOINTMENT = ZonedDateTime.of(2026, 8, 18, 8, 45, 0, 0, ZoneId.of("America/New_York"));

    private Fixtures() {}

    static MessageValues values() {
        return MessageValues.builder()
                .prospect("Debbie Marsh", null, "Acme Learning", "Head of Training")
                .rep("Michael Powers", "+1 212 555 0100", "michael@abc-educom.example")
                .company("ABC Educom")
                .lastConversation(
                        List.of("the automatic renewal of your training contract", "modules whose content is dated"),
                        List.of("a programme your staff actually finish"),
                        List.of("you were going to review the contract with your director"))
                .appointment(APPOINTMENT)
                .agenda("We'll review the two modules and the contract, and I'll answer any questions")
                .article("What to check before an automatic renewal", "https://example.com/library/renewal");
    }

    static Map<String, Object> all() {
        return values().build();
    }

    static Context context() {
        return new Context();
    }

    /** A call's context, a follow-up with everything recorded unless a test says otherwise. */
    static final class Context {
        String repPhone = "+1 212 555 0100";
        String label = "Follow-up #2";
        int attempt = 1;
        boolean firstCall = false;
        List<String> pains = List.of("the automatic renewal of your training contract");
        List<String> gains = List.of();
        List<String> promises = List.of("you were going to review the contract with your director");
        String agenda = "First, we review the modules that concern you, and second, we look at the contract";
        List<DecisionRole> spokenWith = List.of(DecisionRole.DECISION_MAKER);
        ZonedDateTime appointment = APPOINTMENT;
        DecisionRole role = DecisionRole.DECISION_MAKER;
        TemplateKey voicemail = new TemplateKey("missed-appointment", 1);

        Context firstCall(int attempt) {
            this.firstCall = true;
            this.attempt = attempt;
            this.label = "FTC #" + attempt;
            this.pains = List.of();
            this.promises = List.of();
            this.agenda = null;
            this.appointment = null;
            this.spokenWith = List.of();
            this.role = DecisionRole.UNKNOWN;
            this.voicemail = null;
            return this;
        }

        Context attempt(int attempt) {
            this.attempt = attempt;
            return this;
        }

        /** The voicemail the call's task names; null for a follow-up that belongs to no appointment. */
        Context voicemail(String name) {
            this.voicemail = name == null ? null : TemplateKey.parse(name);
            if (name == null) {
                this.appointment = null;
                this.agenda = null;
            }
            return this;
        }

        Context pains(String... pains) {
            this.pains = List.of(pains);
            return this;
        }

        Context promises(String... promises) {
            this.promises = List.of(promises);
            return this;
        }

        Context spokenWith(DecisionRole... roles) {
            this.spokenWith = List.of(roles);
            return this;
        }

        Context repPhone(String phone) {
            this.repPhone = phone;
            return this;
        }

        ScriptContext build() {
            return new ScriptContext(
                    new ScriptContext.Rep("Michael Powers", repPhone, "michael@abc-educom.example"),
                    "ABC Educom",
                    new ScriptContext.Prospect("Debbie Marsh", null, "Acme Learning", "Head of Training", role),
                    label,
                    attempt,
                    firstCall,
                    pains,
                    gains,
                    promises,
                    agenda,
                    spokenWith,
                    appointment,
                    null,
                    null,
                    voicemail);
        }
    }
}
