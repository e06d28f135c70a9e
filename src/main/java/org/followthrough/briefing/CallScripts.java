package org.followthrough.briefing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.followthrough.appointments.Appointment;
import org.followthrough.appointments.Appointments;
import org.followthrough.calls.Queue;
import org.followthrough.calls.Task;
import org.followthrough.prospects.DecisionRole;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.scripts.ArticlesSent;
import org.followthrough.scripts.Channel;
import org.followthrough.scripts.Script;
import org.followthrough.scripts.ScriptBuilder;
import org.followthrough.scripts.ScriptContext;
import org.followthrough.scripts.TemplateKey;
import org.followthrough.scripts.Templates;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.Team;
import org.followthrough.touches.Touches;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The script for a prospect's next call (R14, R15, R17, R18), prepared from what the engine knows:
 * whether the prospect was ever reached (a first-call opening, or the follow-up opener once they
 * were), which attempt this is (FTC #n's voicemail, M1–M4 around a missed appointment, or the
 * follow-up voicemail), the last conversation, the agenda of the appointment the call belongs to,
 * who at the account has been spoken with, and an article they have not been sent. Reading a script
 * changes nothing.
 */
@Service
public class CallScripts {

    static final String MISSED_APPOINTMENT = "missed-appointment";

    private final Prospects prospects;
    private final Touches touches;
    private final Queue tasks;
    private final Appointments appointments;
    private final ArticlesSent articles;
    private final ScriptBuilder builder;
    private final Templates templates;
    private final Team team;

    CallScripts(
            Prospects prospects,
            Touches touches,
            Queue tasks,
            Appointments appointments,
            ArticlesSent articles,
            ScriptBuilder builder,
            Templates templates,
            Team team) {
        this.prospects = prospects;
        this.touches = touches;
        this.tasks = tasks;
        this.appointments = appointments;
        this.articles = articles;
        this.builder = builder;
        this.templates = templates;
        this.team = team;
    }

    @Transactional(readOnly = true)
    public Script forNextCall(Actor actor, UUID prospectId) {
        var p = prospects.get(actor, prospectId);
        var counts = touches.counts(p.id());
        boolean firstCall = !counts.connected();
        var task = tasks.openFor(p.id()).stream().findFirst().orElse(null);
        var voicemail = firstCall ? null : voicemailOf(task);
        var appointment = appointmentOf(p, task, voicemail);
        var conversation = touches.lastConversation(p.id());
        var topics = new ArrayList<String>(conversation.pains());
        topics.addAll(conversation.gains());
        return builder.build(new ScriptContext(
                rep(p),
                team.organisation().name(),
                new ScriptContext.Prospect(p.fullName(), p.firstName(), p.company(), p.title(), p.decisionRole()),
                firstCall ? "FTC #" + (counts.beforeConnection() + 1) : "Follow-up #" + (counts.afterConnection() + 1),
                firstCall ? counts.beforeConnection() + 1 : 1,
                firstCall,
                conversation.pains(),
                conversation.gains(),
                conversation.promises(),
                appointment == null ? null : appointment.agenda(),
                spokenWith(p),
                appointment == null ? null : appointment.at().atZone(p.timeZone()),
                reason(task),
                articles.next(p, topics).orElse(null),
                voicemail));
    }

    /**
     * The voicemail template the task names, if it is one the team has (the missed-appointment
     * cadence's M1–M4); null for a call whose task names none, which leaves the follow-up voicemail.
     */
    private TemplateKey voicemailOf(Task task) {
        if (task == null || task.template() == null) {
            return null;
        }
        try {
            var key = TemplateKey.parse(task.template());
            return templates
                            .find(key)
                            .filter(t -> t.channel() == Channel.VOICEMAIL)
                            .isPresent()
                    ? key
                    : null;
        } catch (IllegalArgumentException notAKey) {
            return null;
        }
    }

    /**
     * The appointment this call belongs to: the task's own, or for a retry after a missed appointment
     * (R12) the one that was missed. Any other call (a trigger, an inbound, a post-sale call) belongs
     * to none, so it carries no old appointment's time or agenda.
     */
    private Appointment appointmentOf(Prospect p, Task task, TemplateKey voicemail) {
        if (task != null && task.appointmentId() != null) {
            return appointments.find(task.appointmentId()).orElse(null);
        }
        if (voicemail != null && voicemail.key().equals(MISSED_APPOINTMENT)) {
            return appointments
                    .latest(p.id())
                    .filter(a -> a.status() == Appointment.Status.MISSED)
                    .orElse(null);
        }
        return null;
    }

    /**
     * The decision roles of everyone at the account the owner has spoken with (R18); for a prospect with
     * no account, the prospect's own role once the owner has spoken with them.
     */
    private List<DecisionRole> spokenWith(Prospect p) {
        var people = p.accountId() == null ? List.of(p) : prospects.atAccount(p.accountId());
        var spoken = touches.spokenWith(people.stream().map(Prospect::id).toList(), p.ownerId());
        return people.stream()
                .filter(person -> spoken.contains(person.id()))
                .map(Prospect::decisionRole)
                .filter(java.util.Objects::nonNull)
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
