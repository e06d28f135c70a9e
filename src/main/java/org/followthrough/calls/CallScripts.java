package org.followthrough.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.followthrough.prospects.DecisionRole;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.scripts.Script;
import org.followthrough.scripts.ScriptBuilder;
import org.followthrough.scripts.ScriptContext;
import org.followthrough.scripts.TemplateKey;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.Team;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The script for a prospect's next call (R14, R15, R17, R18), prepared from what the engine knows:
 * whether the prospect was ever reached (a first-call opening, or the follow-up opener once they
 * were), which attempt this is (FTC #n's voicemail, or M1–M3 around a missed appointment), the last
 * conversation, the agreed agenda, who at the account has been spoken with, and an article they have
 * not been sent. Reading a script changes nothing.
 */
@Service
public class CallScripts {

    static final String MISSED_APPOINTMENT = "missed-appointment";

    private final Prospects prospects;
    private final Touches touches;
    private final Tasks tasks;
    private final Appointments appointments;
    private final ArticlesSent articles;
    private final ScriptBuilder builder;
    private final Team team;

    CallScripts(
            Prospects prospects,
            Touches touches,
            Tasks tasks,
            Appointments appointments,
            ArticlesSent articles,
            ScriptBuilder builder,
            Team team) {
        this.prospects = prospects;
        this.touches = touches;
        this.tasks = tasks;
        this.appointments = appointments;
        this.articles = articles;
        this.builder = builder;
        this.team = team;
    }

    @Transactional(readOnly = true)
    public Script forNextCall(Actor actor, UUID prospectId) {
        var p = prospects.get(actor, prospectId);
        var counts = touches.counts(p.id());
        boolean firstCall = !counts.connected();
        var task = tasks.openFor(p.id()).stream().findFirst().orElse(null);
        var appointment = appointmentOf(p, task);
        var conversation = touches.lastConversation(p.id());
        var topics = new ArrayList<String>(conversation.pains());
        topics.addAll(conversation.gains());
        return builder.build(new ScriptContext(
                rep(p),
                team.organisation().name(),
                new ScriptContext.Prospect(p.fullName(), p.firstName(), p.company(), p.title(), p.decisionRole()),
                firstCall ? "FTC #" + (counts.beforeConnection() + 1) : "Follow-up #" + (counts.afterConnection() + 1),
                firstCall ? counts.beforeConnection() + 1 : missedAppointmentAttempt(task),
                firstCall,
                conversation.pains(),
                conversation.gains(),
                conversation.promises(),
                appointment == null ? null : appointment.agenda(),
                spokenWith(p),
                appointment == null ? null : appointment.at().atZone(p.timeZone()),
                reason(task),
                articles.next(p, topics).orElse(null)));
    }

    /** The appointment this call belongs to: the task's own, else the latest one still meaningful. */
    private Appointment appointmentOf(Prospect p, Task task) {
        if (task != null && task.appointmentId() != null) {
            return appointments.find(task.appointmentId()).orElse(null);
        }
        return appointments.latest(p.id()).orElse(null);
    }

    /** 1 for the call at the agreed time (M1), 2 and 3 for the retries after it was missed (M2, M3). */
    private static int missedAppointmentAttempt(Task task) {
        if (task == null || task.template() == null) {
            return 1;
        }
        try {
            var key = TemplateKey.parse(task.template());
            return key.key().equals(MISSED_APPOINTMENT) ? key.variant() : 1;
        } catch (IllegalArgumentException notAKey) {
            return 1;
        }
    }

    private List<DecisionRole> spokenWith(Prospect p) {
        return touches.rolesSpokenWith(p.accountId(), p.ownerId()).stream()
                .map(DecisionRole::valueOf)
                .toList();
    }

    private static String reason(Task task) {
        if (task == null) {
            return null;
        }
        return switch (task.kind()) {
            case INBOUND -> "You got in touch with us through our website, and I wanted to get back to you right away";
            case TRIGGER -> "You were in touch with us again recently, and I wanted to see how I can help";
            default -> null;
        };
    }

    private ScriptContext.Rep rep(Prospect p) {
        var owner = team.member(p.ownerId());
        return new ScriptContext.Rep(
                owner.map(Member::fullName).orElse(team.organisation().name()),
                owner.map(Member::phone).orElse(null),
                owner.map(Member::email).orElse(null));
    }
}
