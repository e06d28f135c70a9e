package org.followthrough.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.followthrough.calls.TaskKind;
import org.followthrough.calls.TaskRaised;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutgoingEmail;
import org.followthrough.messaging.Recipient;
import org.followthrough.team.Team;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * R7, R20 for a rep away from the page: a member who asked for it (My profile) also hears of a call
 * raised to the top of their queue by email, at once, with what happened and a link to the call screen.
 * One email per call raised and reason, so a retold trigger call with news sends news, a repeat nothing.
 */
@Component
class EmailAlerts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm zzz", Locale.ENGLISH);

    private final Team team;
    private final Outbox outbox;
    private final Clock clock;

    EmailAlerts(Team team, Outbox outbox, Clock clock) {
        this.team = team;
        this.outbox = outbox;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(TaskRaised raised) {
        if (!team.wantsEmailAlerts(raised.ownerId())) {
            return;
        }
        team.member(raised.ownerId()).filter(m -> m.active()).ifPresent(owner -> {
            var what = raised.kind() == TaskKind.INBOUND ? "New web inquiry" : "Trigger event";
            var link = outbox.publicLink("/prospects/" + raised.prospectId() + "/call");
            var text = "Hi " + owner.fullName() + ",\n\n"
                    + what + ": " + raised.prospectName() + ".\n" + raised.reason() + "\n\n"
                    + "The call is at the top of your queue, due "
                    + WHEN.format(raised.dueAt().atZone(owner.timeZone())) + ". Call now:\n" + link + "\n\n"
                    + "You get these emails because you asked for them in My profile.\n";
            var key = UUID.nameUUIDFromBytes(raised.reason().getBytes(StandardCharsets.UTF_8));
            outbox.enqueue(new OutgoingEmail(
                    "alert/" + raised.taskId() + "/" + key,
                    null,
                    new Recipient(owner.fullName(), owner.email()),
                    null,
                    what + ": call " + raised.prospectName() + " now",
                    text,
                    clock.instant(),
                    false,
                    null));
        });
    }
}
