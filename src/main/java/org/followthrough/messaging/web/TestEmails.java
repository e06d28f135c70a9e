package org.followthrough.messaging.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutgoingEmail;
import org.followthrough.messaging.Recipient;
import org.followthrough.team.Actor;
import org.springframework.stereotype.Component;

/** Test email an administrator sends through the outbox to check SMTP, from the API or the settings page. */
@Component
class TestEmails {

    record Queued(UUID batch, int count) {}

    private final Outbox outbox;
    private final Clock clock;

    TestEmails(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    Queued send(Actor admin, String address, int count) {
        Recipient to;
        try {
            to = new Recipient("", address == null ? "" : address.strip());
        } catch (IllegalArgumentException bad) {
            throw InvalidInput.of("to", "must be an email address, like someone@example.com");
        }
        var batch = UUID.randomUUID();
        var now = clock.instant();
        var emails = new ArrayList<OutgoingEmail>();
        for (int n = 1; n <= count; n++) {
            emails.add(new OutgoingEmail(
                    "test/" + batch + "/" + n,
                    null,
                    to,
                    new Recipient(admin.fullName(), admin.email()),
                    "FollowThrough test email " + n + " of " + count,
                    "This is a test email from FollowThrough. If you can read it, email delivery works.\n",
                    now,
                    false,
                    null));
        }
        outbox.enqueueAll(emails);
        return new Queued(batch, count);
    }
}
