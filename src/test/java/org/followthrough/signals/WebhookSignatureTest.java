package org.followthrough.signals;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.followthrough.common.Refusal;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");

    @Property
    void anyBodySignedWithTheSecretVerifiesAndAnyChangedByteDoesNot(
            @ForAll byte[] body, @ForAll int position, @ForAll byte change) {
        var header = WebhookSignature.sign(body, "s3cret", NOW);
        assertThatCode(() -> WebhookSignature.verify(header, body, "s3cret", NOW.plusSeconds(299)))
                .doesNotThrowAnyException();

        Assume.that(body.length > 0 && change != 0);
        var tampered = body.clone();
        tampered[Math.floorMod(position, body.length)] ^= change;
        assertThatThrownBy(() -> WebhookSignature.verify(header, tampered, "s3cret", NOW))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void duringASecretChangeEitherSignatureIsAccepted() {
        var body = "{}".getBytes();
        var old = WebhookSignature.sign(body, "old", NOW);
        var fresh = WebhookSignature.sign(body, "new", NOW);
        var both = old + "," + fresh.substring(fresh.indexOf("v1="));

        assertThatCode(() -> WebhookSignature.verify(both, body, "new", NOW)).doesNotThrowAnyException();
    }

    @Test
    void whileFollowThroughHoldsTwoSecretsEitherSignsAndNoOtherDoes() {
        var body = "{}".getBytes();
        var active = java.util.List.of("old-secret", "new-secret");

        assertThatCode(() -> WebhookSignature.verify(WebhookSignature.sign(body, "old-secret", NOW), body, active, NOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> WebhookSignature.verify(WebhookSignature.sign(body, "new-secret", NOW), body, active, NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(
                        () -> WebhookSignature.verify(WebhookSignature.sign(body, "retired", NOW), body, active, NOW))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void aSignatureFromTheFutureIsAsSuspectAsAnOldOne() {
        var body = "{}".getBytes();
        var header = WebhookSignature.sign(body, "s3cret", NOW.plusSeconds(301));

        assertThatThrownBy(() -> WebhookSignature.verify(header, body, "s3cret", NOW))
                .hasMessageContaining("5 minutes");
    }
}
