package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.followthrough.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Outgoing email is DKIM-signed, and the signature holds for a verifier written by other people
 * (Apache James jDKIM) that looks the key up in a DNS stub publishing exactly the record the
 * settings page tells admins to publish; an email changed on the way fails.
 */
@ApplicationTest
class DkimSignatureTest extends WithMailServers {

    @Autowired
    Outbox outbox;

    @Autowired
    DkimKeys dkim;

    @Test
    void theSignatureOfAnEmailAsReceivedVerifiesAgainstThePublishedRecord() throws Exception {
        var to = "dkim-" + UUID.randomUUID() + "@prospect.example";
        outbox.enqueue(new OutgoingEmail(
                "dkim/" + UUID.randomUUID(),
                null,
                new Recipient("Pat Lee", to),
                new Recipient("Robin Rep", "robin@team.example"),
                "Thank you, Pat — à bientôt",
                "Thank you for taking the time to speak with me today.\nBest regards,\nRobin\n",
                java.time.Instant.now().minusSeconds(1),
                false,
                null));
        deliverDue();
        var received = receivedBy(to);
        assertThat(received).hasSize(1);
        var raw = new ByteArrayOutputStream();
        received.get(0).writeTo(raw);
        var bytes = raw.toByteArray();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("DKIM-Signature:");

        var published = dkim.published().dkim();
        var verifier = new DKIMVerifier((method, selector, domain) -> {
            var name = selector + "._domainkey." + domain;
            if (!name.equalsIgnoreCase(published.name())) {
                throw new PermFailException("no record at " + name);
            }
            return List.of(published.value());
        });
        var signatures = verifier.verify(new ByteArrayInputStream(bytes));
        assertThat(signatures).isNotEmpty();
        assertThat(signatures.get(0).getDToken().toString()).isEqualTo(dkim.domain());

        var changed = new String(bytes, StandardCharsets.UTF_8)
                .replace("speak with me today", "speak with me tomorrow")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new DKIMVerifier((m, s, d) -> List.of(published.value()))
                        .verify(new ByteArrayInputStream(changed)))
                .isInstanceOf(FailException.class);
    }
}
