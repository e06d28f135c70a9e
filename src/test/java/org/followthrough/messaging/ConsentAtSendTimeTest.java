package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.prospects.Prospects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Consent is asked again when an email is about to leave (R2), by the prospects module's own
 * check, with a real SMTP server: an opt-out, an erasure or a suppressed address that came after the
 * email was planned keeps it from going out.
 */
@ApplicationTest
class ConsentAtSendTimeTest extends WithMailServers {

    @Autowired
    Given given;

    @Autowired
    Outbox outbox;

    @Autowired
    Prospects prospects;

    @Test
    void aProspectWhoOptedOutAfterTheEmailWasPlannedDoesNotGetIt() {
        var prospect = given.prospect(given.rep());
        var planned = outbox.enqueue(email(prospect.id(), prospect.email()));

        prospects.optOutOfEmail(prospect.id());
        deliverDue();

        var entry = outbox.find(planned).orElseThrow();
        assertThat(entry.status()).isEqualTo(EmailStatus.SKIPPED);
        assertThat(entry.lastError()).isEqualTo("the prospect opted out of email");
        assertThat(receivedBy(prospect.email())).isEmpty();
    }

    @Test
    void anErasedProspectAndTheirAddressGetNothingPlannedForThemAnyMore() {
        var manager = given.manager();
        var prospect = given.prospect(given.rep());
        prospects.erase(manager.asActor(), prospect.id());
        // planned by work that was under way while the erasure ran, so the erasure could not remove it
        var forTheProspect = outbox.enqueue(email(prospect.id(), prospect.email()));
        var toTheAddress = outbox.enqueue(email(null, prospect.email().toUpperCase()));
        var toSomeoneElse = outbox.enqueue(email(null, "someone-" + UUID.randomUUID() + "@example.com"));

        deliverDue();

        assertThat(outbox.find(forTheProspect).orElseThrow())
                .satisfies(e -> assertThat(e.status()).isEqualTo(EmailStatus.SKIPPED))
                .satisfies(e -> assertThat(e.lastError()).isEqualTo("the prospect was erased"));
        assertThat(outbox.find(toTheAddress).orElseThrow())
                .satisfies(e -> assertThat(e.status()).isEqualTo(EmailStatus.SKIPPED))
                .satisfies(e -> assertThat(e.lastError()).isEqualTo("the address belongs to an erased person"));
        assertThat(receivedBy(prospect.email())).isEmpty();
        assertThat(outbox.find(toSomeoneElse).orElseThrow().status()).isEqualTo(EmailStatus.SENT);
    }

    private static OutgoingEmail email(UUID prospectId, String address) {
        return new OutgoingEmail(
                "consent/" + UUID.randomUUID(),
                prospectId,
                new Recipient("Pat Lee", address),
                new Recipient("Robin Rep", "robin@team.example"),
                "Thank you, Pat",
                "Thank you for taking the time to speak with me today.\n",
                java.time.Instant.now().minusSeconds(1),
                false,
                null);
    }
}
