package org.followthrough.correspondence;

import java.util.UUID;
import org.followthrough.messaging.EmailBounced;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutgoingEmail;
import org.followthrough.messaging.Recipient;
import org.followthrough.prospects.Prospects;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a prospect's owner by email that an email to the prospect bounced for good: the address
 * does not exist, so the cadence's emails stop and the rep can find the right one.
 */
@Component
class BounceNotices {

    private final Prospects prospects;
    private final EmailParties parties;
    private final Outbox outbox;
    private final java.time.Clock clock;

    BounceNotices(Prospects prospects, EmailParties parties, Outbox outbox, java.time.Clock clock) {
        this.prospects = prospects;
        this.parties = parties;
        this.outbox = outbox;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(EmailBounced bounced) {
        if (!bounced.hard() || bounced.prospectId() == null) {
            return;
        }
        prospects.byId(bounced.prospectId()).ifPresent(p -> {
            var rep = parties.rep(p);
            if (rep == null || rep.address() == null) {
                return;
            }
            var link = outbox.publicLink("/prospects/" + p.id());
            var text = "Hi " + rep.name() + ",\n\n"
                    + "An email to " + p.fullName() + " (" + bounced.address() + ") bounced: "
                    + (bounced.diagnostic() == null ? "the address does not exist" : bounced.diagnostic())
                    + " (" + bounced.status() + ").\n\n"
                    + "No more email goes to this address, so their cadence goes on with calls only. If you find"
                    + " their right address, correct it on their page:\n" + link + "\n";
            outbox.enqueue(new OutgoingEmail(
                    "bounce/"
                            + UUID.nameUUIDFromBytes((p.id() + "/" + bounced.address())
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    null,
                    new Recipient(rep.name(), rep.address()),
                    null,
                    "Email to " + p.fullName() + " bounced",
                    text,
                    clock.instant(),
                    false,
                    null));
        });
    }
}
